// Parts of the Apps Script reference the simulator fakes that @types/google-apps-script does not describe yet:
// Forms' email collection type (FormApp.EmailCollectionType, Form.setEmailCollectionType / getEmailCollectionType).
declare namespace GoogleAppsScript {
  namespace Forms {
    interface FormApp {
      EmailCollectionType: unknown;
    }
    interface Form {
      setEmailCollectionType(type: unknown): Form;
      getEmailCollectionType(): unknown;
    }
  }
}
