// How the Small Wins add-on runs in the Apps Script simulator (tests, bench, playground): who the leader is, the
// name its menu shows under, and what the add-on must never do — the simulator itself knows none of this.

export const SMALL_WINS_SIM = {
  user: 'principal@school.example',
  addonName: 'Small Wins',
  spreadsheetName: 'Small Wins',
  refusals: {
    'Gmail.Users.Drafts.send': 'Small Wins never sends email; Gmail.Users.Drafts.send is not allowed here',
    'Gmail.Users.Messages.send': 'Small Wins never sends email; Gmail.Users.Messages.send is not allowed here',
  },
} as const;
