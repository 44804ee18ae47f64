// Forms made through the API after 30 June 2026 start unpublished; these methods are not yet in
// @types/google-apps-script.
declare namespace GoogleAppsScript {
  namespace Forms {
    interface Form {
      setPublished(published: boolean): Form;
      isPublished(): boolean;
    }
  }
}
