// The seeded school's wins: what Maple Grove Elementary's staff, students, families and partners shared from the
// staff week in August to late November, in their own words, and how the leaders triaged each one.

export interface Person {
  name: string;
  role: string;
  email: string;
}

export const PRINCIPAL: Person = { name: 'Helen Park', role: 'Leader', email: 'helen.park@maplegrove.example' };
export const ASSISTANT_PRINCIPAL: Person = {
  name: 'Marcus Webb',
  role: 'Leader',
  email: 'marcus.webb@maplegrove.example',
};

/** Who shares wins at Maple Grove (what each does is in the comment; the Form asks only for the role). */
export const PEOPLE: Person[] = [
  /* 0 */ { name: 'Ana Ruiz', role: 'Teacher', email: 'ana.ruiz@maplegrove.example' }, // Grade 2
  /* 1 */ { name: 'Ben Okafor', role: 'Teacher', email: 'ben.okafor@maplegrove.example' }, // Grade 5
  /* 2 */ { name: 'Chloé Martin', role: 'Teacher', email: 'chloe.martin@maplegrove.example' }, // Kindergarten
  /* 3 */ { name: 'Dev Patel', role: 'Teacher', email: 'dev.patel@maplegrove.example' }, // Grade 4, math lead
  /* 4 */ { name: 'Lina Haddad', role: 'Coach', email: 'lina.haddad@maplegrove.example' }, // instructional coach
  /* 5 */ { name: 'Joy Mensah', role: 'Support staff', email: 'joy.mensah@maplegrove.example' }, // counselor
  /* 6 */ { name: 'Tom Becker', role: 'Teacher', email: 'tom.becker@maplegrove.example' }, // Grade 3
  /* 7 */ { name: 'Grace Lee', role: 'Teacher', email: 'grace.lee@maplegrove.example' }, // Grade 1
  /* 8 */ { name: 'Sam Rivera', role: 'Support staff', email: 'sam.rivera@maplegrove.example' }, // head custodian
  /* 9 */ { name: 'Fatima Zahra', role: 'Teacher', email: 'fatima.zahra@maplegrove.example' }, // English learners
  /* 10 */ { name: 'Hiro Tanaka', role: 'Teacher', email: 'hiro.tanaka@maplegrove.example' }, // PE
  /* 11 */ { name: 'Sofia Alvarez', role: 'Support staff', email: 'sofia.alvarez@maplegrove.example' }, // family liaison
  /* 12 */ ASSISTANT_PRINCIPAL,
  /* 13 */ { name: 'Room 12 student council', role: 'Student', email: 'room12@students.maplegrove.example' },
  /* 14 */ { name: 'Maria Santos', role: 'Family member', email: 'maria.santos@family.example' },
  /* 15 */ {
    name: 'Kai Morgan, Riverside Library',
    role: 'Program partner',
    email: 'kai.morgan@riverside-library.example',
  },
  /* 16 */ { name: 'Priya Nair', role: 'Support staff', email: 'priya.nair@maplegrove.example' }, // librarian
  /* 17 */ { name: 'Owen Brooks', role: 'Teacher', email: 'owen.brooks@maplegrove.example' }, // music
  /* 18 */ { name: 'Nadia Karim', role: 'Family member', email: 'nadia.karim@family.example' },
  /* 19 */ PRINCIPAL,
  /* 20 */ { name: 'Rosa Delgado', role: 'Support staff', email: 'rosa.delgado@maplegrove.example' }, // school nurse
  /* 21 */ { name: 'Eli Fischer', role: 'Teacher', email: 'eli.fischer@maplegrove.example' }, // special education
];

/**
 * One entry as it came in and as the leaders triaged it. Goals index the Goals sheet's example goals (0 Reading for
 * all, 1 Math confidence, 2 Belonging and wellbeing, 3 Family partnership, 4 Teaching together); sources index the
 * Form's choices (0 Classroom observation, 1 Student work, 2 Family story, 3 Survey or feedback, 4 Data, 5 Meeting,
 * 6 Other); consent 0 Staff only, 1 School community (the default), 2 Public.
 */
export interface SeedWin {
  /** The day it was shared, 2026-MM-DD (a school day). */
  on: string;
  by: number;
  goal: number | null;
  /** A second goal the leader tagged. */
  also?: number;
  kind: 'W' | 'L';
  source: number;
  headline: string;
  story: string;
  evidence?: string;
  link?: string;
  consent?: 0 | 1 | 2;
  namesStudents?: boolean;
  /** How the leaders left it; Approved when not said (a win shared in the last days is still New). */
  status?: 'New' | 'Needs info' | 'Archived';
  featured?: boolean;
  /** The leader cleared the privacy of a win that names students. */
  cleared?: boolean;
  /** The leader's public blurb. */
  blurb?: string;
}

export const WINS: SeedWin[] = [
  // August: the staff week.
  {
    on: '08-27',
    by: 4,
    goal: 4,
    kind: 'W',
    source: 5,
    headline: 'Every team left the staff week with one shared goal for September',
    story:
      'Instead of a long list, each grade team picked one thing to try together in the first month and wrote it on a single card. The cards are on the staff room wall.',
    evidence: '7 of 7 teams wrote a card; 5 named a reading routine.',
    consent: 0,
  },
  {
    on: '08-28',
    by: 8,
    goal: 2,
    kind: 'W',
    source: 6,
    headline: 'The custodial team repainted the Kindergarten entrance over the summer',
    story:
      'Sam and the team painted the Kindergarten doors in the colours the children chose in June, with handprints from last year’s class by the door.',
    featured: true,
    blurb: 'Our Kindergarten entrance got a summer makeover, in the colours last year’s class chose.',
  },
  // September: a new year starts.
  {
    on: '09-08',
    by: 2,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'Kindergarten’s first day: no tears at drop-off in Room 3',
    story:
      'We invited families to a short visit the week before, with a photo book of the classroom to take home. On the first morning every child walked in on their own.',
    evidence: '22 of 24 families came to the visit.',
  },
  {
    on: '09-09',
    by: 11,
    goal: 3,
    kind: 'W',
    source: 2,
    headline: 'Welcome calls reached every new family before school started',
    story:
      'Sofia called each of the 41 new families in August in their home language: Spanish, Arabic, Vietnamese and English. Several asked how they could volunteer.',
    evidence: 'Call log: 41 of 41 families reached; 9 signed up to volunteer.',
    consent: 2,
    featured: true,
  },
  {
    on: '09-10',
    by: 0,
    goal: 0,
    kind: 'W',
    source: 1,
    headline: 'Grade 2 wrote their first “all about me” books',
    story: 'Each student wrote and drew four pages about themselves and read their book to a partner.',
  },
  {
    on: '09-11',
    by: 7,
    goal: 1,
    kind: 'W',
    source: 0,
    headline: 'Number talks every morning in Grade 1',
    story:
      'Ten minutes of dot-card number talks before the bell. By the end of the second week the quietest students were sharing how they counted.',
  },
  {
    on: '09-14',
    by: 16,
    goal: 0,
    kind: 'W',
    source: 4,
    headline: 'Reading buddies doubled library visits',
    story:
      'Grade 2 reads with Grade 5 in the library every Friday. By week three the older buddies were asking for more sessions.',
    evidence: 'Library sign-out log: 14 visits a week, up from 7.',
    consent: 2,
    featured: true,
    blurb: 'Every Friday our Grade 5 readers meet their Grade 2 buddies in the library, and visits have doubled.',
  },
  {
    on: '09-15',
    by: 5,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'A calm corner in every K–2 classroom',
    story:
      'Each K–2 room now has a calm corner with a timer and three breathing cards, so students take five minutes to reset instead of leaving the room.',
    evidence: 'Office referrals from K–2: 4 in September, down from 11 last September.',
  },
  {
    on: '09-16',
    by: 6,
    goal: 4,
    kind: 'W',
    source: 5,
    headline: 'Grade 3 team now plans math together every Tuesday',
    story: 'We swapped our Tuesday meeting for a 40-minute co-planning block with one shared lesson template.',
    consent: 0,
  },
  {
    on: '09-17',
    by: 10,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'Recess games club gives every student someone to play with',
    story:
      'Grade 5 volunteers run a games corner at lunch recess: four square, jump rope and tag with simple rules. Students who used to wander now join in.',
  },
  {
    on: '09-18',
    by: 1,
    goal: 0,
    kind: 'L',
    source: 0,
    headline: 'Silent reading straight after recess did not work',
    story:
      'We tried 20 minutes of silent reading right after lunch recess and most students could not settle. We moved it to the first thing in the morning, after a short read-aloud.',
    evidence: 'Observation notes: 6 of 25 reading after 10 minutes after recess; 19 of 25 in the morning slot.',
  },
  {
    on: '09-21',
    by: 9,
    goal: 3,
    kind: 'W',
    source: 2,
    headline: 'Interpreters at Back-to-School Night',
    story:
      'We had interpreters in Spanish and Arabic at every classroom. Families told us it was the first time they could ask their own questions.',
    evidence: '118 families signed in, 34 of them with an interpreter.',
  },
  {
    on: '09-22',
    by: 3,
    goal: 1,
    kind: 'W',
    source: 1,
    headline: 'Fraction walls made equivalence click in Grade 4',
    story:
      'We built paper fraction walls and compared strips before touching symbols. Students explained why two quarters make a half to each other without prompting.',
    evidence: 'Exit tickets: 19 of 24 correct, up from 11 before the unit.',
    featured: true,
  },
  {
    on: '09-23',
    by: 21,
    goal: 0,
    kind: 'W',
    source: 1,
    headline: 'Decodable books in the resource room',
    story:
      'My students now read a decodable book matched to the sounds they are learning every day, and take it home in a zip bag.',
    evidence: 'Words read correctly per minute: up by 9 on average for my group of 8.',
    consent: 0,
  },
  {
    on: '09-24',
    by: 20,
    goal: 2,
    kind: 'W',
    source: 4,
    headline: 'Fewer visits to the nurse after breakfast in the classroom',
    story:
      'Since breakfast moved into classrooms for the first ten minutes, fewer students come to the office with headaches and stomach aches before lunch.',
    evidence: 'Morning nurse visits: 38 in September, down from 61 last September.',
  },
  {
    on: '09-25',
    by: 17,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'The whole school sang together at the first assembly',
    story: 'Every class learned the same two songs in music, and we sang them together on Friday morning.',
  },
  {
    on: '09-28',
    by: 4,
    goal: 4,
    kind: 'W',
    source: 3,
    headline: 'Staff say PLC time now feels useful',
    story: 'We cut PLC agendas down to one student-work protocol per meeting.',
    evidence: 'Staff pulse survey: 81% say PLCs help their teaching, up from 45% in June.',
    consent: 0,
  },
  {
    on: '09-29',
    by: 7,
    goal: 0,
    kind: 'W',
    source: 4,
    headline: 'Phonics groups moved 11 students up a level',
    story: 'Small flexible phonics groups for Grade 1, regrouped every three weeks by a quick check.',
    evidence: 'Benchmark: 11 of 16 students moved up at least one level.',
  },
  {
    on: '09-30',
    by: 13,
    goal: 2,
    kind: 'W',
    source: 1,
    headline: 'Student council painted two buddy benches',
    story:
      'We painted two benches for the playground and taught the younger grades what they are for: sit there when you want someone to play with.',
    namesStudents: true,
    cleared: true,
  },
  // October: the busiest month.
  {
    on: '10-01',
    by: 3,
    goal: 1,
    kind: 'L',
    source: 4,
    headline: 'Timed fact drills raised anxiety, not fluency',
    story:
      'Two weeks of timed drills made several students anxious and scores did not move. We switched to fact games with a partner.',
    evidence: 'Fluency check unchanged (average 31 facts a minute); 8 students told us they were worried.',
  },
  {
    on: '10-02',
    by: 14,
    goal: 0,
    kind: 'W',
    source: 2,
    headline: 'Leo now reads the last page of his bedtime story himself',
    story:
      'After the reading buddies started, my son asks for a story every night, and now he insists on reading the last page to me.',
    namesStudents: true,
    cleared: true,
    consent: 2,
  },
  {
    on: '10-05',
    by: 6,
    goal: 0,
    kind: 'W',
    source: 0,
    headline: 'Reader’s theatre got reluctant readers on stage',
    story:
      'Grade 3 practised short scripts all week and performed for Grade 1. Several students who avoid reading aloud asked for bigger parts.',
  },
  {
    on: '10-06',
    by: 12,
    goal: 2,
    kind: 'W',
    source: 4,
    headline: 'Attendance up after morning greetings at the door',
    story: 'Every adult greets students by name at the door for the first ten minutes of the day.',
    evidence: 'Attendance 95.1% in the first weeks of October, up from 92.8% in September.',
    consent: 2,
  },
  {
    on: '10-07',
    by: 4,
    goal: 4,
    kind: 'W',
    source: 5,
    headline: 'Peer observation rounds started with five volunteers',
    story:
      'Five teachers opened their classrooms for 15-minute visits focused on questioning. The debrief was the best professional conversation of the term.',
    consent: 0,
  },
  {
    on: '10-08',
    by: 15,
    goal: 0,
    kind: 'W',
    source: 6,
    headline: 'Riverside Library story time came to school',
    story:
      'The public library now runs a monthly story time in our library and signs families up for library cards on the spot.',
    evidence: '41 new library cards on the first visit.',
    consent: 2,
    featured: true,
  },
  {
    on: '10-09',
    by: 9,
    goal: 3,
    kind: 'W',
    source: 2,
    headline: 'أمسية القراءة العائلية: أكثر من أربعين عائلة',
    story:
      'حضرت أكثر من أربعين عائلة أمسية القراءة، وقرأ الأطفال مع أهاليهم باللغتين العربية والإنجليزية. طلبت العائلات أن نكررها كل شهر.',
    evidence: '43 families signed in; 30 asked for a monthly evening.',
  },
  {
    on: '10-12',
    by: 1,
    goal: 1,
    kind: 'W',
    source: 4,
    headline: 'Grade 5 problem solving up on the unit check',
    story: 'We taught a four-step problem-solving routine and practised it on one rich task a week.',
    evidence: 'Unit check average 74%, up from 61% on the pre-test.',
  },
  {
    on: '10-13',
    by: 5,
    goal: 2,
    kind: 'W',
    source: 3,
    headline: 'More students say an adult at school knows them well',
    story: 'Our check-in, check-out mentoring pairs 40 students with a staff member for two minutes a day.',
    evidence: 'Belonging survey: 71% agree “an adult here knows me well”, up from 58% in June.',
    consent: 2,
    featured: true,
  },
  {
    on: '10-14',
    by: 11,
    goal: 3,
    kind: 'W',
    source: 3,
    headline: 'Conference sign-ups reached 92%',
    story: 'We offered evening and video slots and sent reminders by text in home languages.',
    evidence: '92% of families booked a conference, up from 74% last year.',
    consent: 2,
  },
  {
    on: '10-15',
    by: 21,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'Visual schedules helped my students through fire drill week',
    story:
      'We practised the fire drill with a picture schedule the day before. On the day, all of my students followed the line outside calmly.',
    consent: 0,
  },
  {
    on: '10-16',
    by: 3,
    goal: 1,
    kind: 'W',
    source: 2,
    headline: 'A family said their daughter now plays math card games every evening',
    story:
      'At conferences a dad told us his daughter plays the card games from class every evening and has taught them to her little brother.',
  },
  {
    on: '10-19',
    by: 7,
    goal: 1,
    kind: 'L',
    source: 0,
    headline: 'Too many manipulatives at once slowed the lesson',
    story:
      'Giving out four kinds of manipulatives in one lesson overwhelmed Grade 1. One tool per lesson, introduced slowly, works better.',
  },
  {
    on: '10-20',
    by: 16,
    goal: 0,
    kind: 'W',
    source: 4,
    headline: 'The autumn book fair stocked every classroom library',
    story: 'The book fair raised enough for 120 new books, and each class chose its own.',
    evidence: '$1,480 raised; 120 books across 18 classrooms.',
    consent: 2,
  },
  {
    on: '10-21',
    by: 10,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'Restorative circle settled a football dispute in Grade 5',
    story: 'Two groups talked through a recess football argument in a circle and wrote their own team rules together.',
    namesStudents: true,
    cleared: false,
  },
  {
    on: '10-22',
    by: 0,
    goal: 0,
    kind: 'W',
    source: 1,
    headline: 'Writing stamina doubled in Grade 2',
    story: 'We built writing stamina a few minutes at a time and celebrated each new class record.',
    evidence: 'Average time writing without stopping: 16 minutes, up from 7.',
  },
  {
    on: '10-23',
    by: 4,
    goal: 4,
    kind: 'L',
    source: 5,
    headline: 'Walkthrough feedback needs to come the same day',
    story:
      'Teachers told us that feedback a week after a walkthrough was too late to use. We now send two lines the same afternoon.',
    consent: 0,
  },
  {
    on: '10-26',
    by: 11,
    goal: 3,
    kind: 'L',
    source: 3,
    headline: 'Daytime events miss working families',
    story:
      'Our 10 am coffee morning drew six families. The same event at 6 pm, with childcare, drew forty. Evening events are now the default.',
    evidence: 'Sign-in sheets: 6 families in the morning, 40 in the evening.',
  },
  {
    on: '10-27',
    by: 6,
    goal: 1,
    kind: 'W',
    source: 1,
    headline: 'Grade 3 wrote word problems about the school garden',
    story: 'Students wrote word problems about the garden beds and swapped them with Grade 4 to solve.',
  },
  {
    on: '10-28',
    by: 9,
    goal: 4,
    kind: 'W',
    source: 5,
    headline: 'The English learners team and Grade 3 plan language goals together',
    story: 'We now plan one language goal into every Grade 3 math lesson with a shared template.',
    consent: 0,
  },
  {
    on: '10-29',
    by: 18,
    goal: 3,
    kind: 'W',
    source: 2,
    headline: 'Families joined the Grade 3 habitats museum',
    story:
      'Grade 3 turned their habitats projects into a museum in the gym, and families walked through after school with the children as guides.',
    namesStudents: true,
    cleared: true,
  },
  {
    on: '10-30',
    by: 8,
    goal: null,
    kind: 'W',
    source: 6,
    headline: 'Gym turned around between the assembly and the book fair in 20 minutes',
    story: 'The custodial team and four Grade 5 helpers reset the whole gym during lunch.',
    status: 'Needs info',
  },
  {
    on: '10-30',
    by: 13,
    goal: 2,
    kind: 'W',
    source: 6,
    headline: 'Pumpkin parade had a costume for everyone',
    story: 'We collected spare costumes so that any student who wanted one could join the parade.',
    evidence: '35 costumes lent.',
  },
  // November.
  {
    on: '11-02',
    by: 3,
    goal: 1,
    kind: 'W',
    source: 4,
    headline: 'Math intervention group closed the place-value gap',
    story: 'Three 20-minute sessions a week on place value with a small Grade 4 group.',
    evidence: '7 of 8 students now at grade level on the place-value check.',
    consent: 0,
  },
  {
    on: '11-03',
    by: 12,
    goal: 2,
    kind: 'L',
    source: 4,
    headline: 'A public behaviour chart did not reduce disruptions',
    story:
      'A clip chart in one classroom did not reduce disruptions and embarrassed some students. We replaced it with private check-ins.',
    evidence: 'Disruptions logged: 14 a week before, 15 a week after.',
    consent: 0,
  },
  {
    on: '11-04',
    by: 2,
    goal: 0,
    kind: 'W',
    source: 1,
    headline: 'Kindergarten wrote their first sentences',
    story: 'By November most of the class can write a sentence with a capital letter and a full stop.',
    evidence: '17 of 24 wrote a complete sentence on their own.',
  },
  {
    on: '11-05',
    by: 11,
    goal: 3,
    kind: 'W',
    source: 3,
    headline: 'Family survey responses more than doubled',
    story: 'We sent the survey by text in home languages and offered a tablet at pick-up to complete it.',
    evidence: '212 responses, up from 98 last year.',
    consent: 2,
  },
  {
    on: '11-06',
    by: 4,
    goal: 4,
    kind: 'W',
    source: 3,
    headline: 'Fourteen teachers signed up for the next peer observation round',
    story: 'After the first round, more than half the teaching staff asked to take part in the next one.',
    consent: 0,
    featured: true,
  },
  {
    on: '11-09',
    by: 17,
    goal: 3,
    kind: 'W',
    source: 2,
    headline: 'Grandparents’ morning filled the music room',
    story: 'Grandparents and elders joined classes for a morning of songs and games from their own childhood.',
    namesStudents: true,
    cleared: true,
  },
  {
    on: '11-10',
    by: 0,
    goal: 0,
    kind: 'W',
    source: 1,
    headline: 'Grade 2 book reviews are on the library shelves',
    story: 'Each student wrote a short review card, and Priya put the cards beside the books in the library.',
  },
  {
    on: '11-11',
    by: 20,
    goal: 2,
    kind: 'W',
    source: 4,
    headline: 'Every student has had a vision and hearing check',
    story: 'With volunteers from the health clinic we screened every student in two days.',
    evidence: '412 students screened; 23 referred for a follow-up.',
    status: 'Needs info',
  },
  {
    on: '11-12',
    by: 10,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'Grade 4 ran the whole sports morning themselves',
    story: 'Grade 4 planned the stations, kept score and made sure every younger student had a turn.',
  },
  {
    on: '11-12',
    by: 10,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'Grade 4 ran the sports morning',
    story: 'Grade 4 planned the stations and kept score.',
    status: 'Archived',
  },
  {
    on: '11-13',
    by: 1,
    goal: 0,
    kind: 'W',
    source: 1,
    headline: 'Grade 5 wrote picture books for their Kindergarten buddies',
    story: 'Each Grade 5 student wrote and illustrated a short book, then read it to a Kindergarten buddy.',
    evidence: 'All 27 books finished; the Kindergarten class voted for their favourites.',
    namesStudents: true,
    cleared: true,
    featured: true,
  },
  {
    on: '11-16',
    by: 6,
    goal: 1,
    kind: 'W',
    source: 0,
    headline: 'Estimation jar gets the whole school guessing',
    story: 'A weekly estimation jar in the front office gets students reasoning about quantity on the way in.',
  },
  {
    on: '11-17',
    by: 19,
    goal: 4,
    kind: 'W',
    source: 5,
    headline: 'Staff meetings now end with five minutes of thank-yous',
    story: 'Colleagues thank each other for something specific at the end of every staff meeting.',
    consent: 0,
  },
  {
    on: '11-17',
    by: 16,
    goal: 0,
    kind: 'W',
    source: 4,
    headline: 'Independent reading minutes up across Grade 4',
    story: 'Reading logs moved online and students set their own weekly goals.',
    evidence: 'Average 96 minutes a week, up from 60 in September.',
  },
  // The last days: still waiting for triage.
  {
    on: '11-18',
    by: 9,
    goal: 3,
    kind: 'W',
    source: 6,
    headline: 'The parent association now translates every flyer within two days',
    story: 'Volunteer parents translate every flyer into Spanish and Arabic, usually the same day.',
  },
  {
    on: '11-19',
    by: 21,
    goal: 1,
    kind: 'W',
    source: 1,
    headline: 'Number lines taped to every desk in the resource room',
    story: 'My students now reach for the number line on their own to check subtraction.',
  },
  {
    on: '11-19',
    by: 5,
    goal: 2,
    kind: 'W',
    source: 0,
    headline: 'New students get a welcome buddy and a tour on day one',
    story: 'Every student who joins mid-year now has a buddy for the first week and a tour on the first morning.',
  },
  {
    on: '11-20',
    by: 7,
    goal: 1,
    kind: 'W',
    source: 4,
    headline: 'Grade 1 counting check: 20 of 23 count to 100',
    story: 'After two months of daily counting routines, nearly the whole class counts to 100 by ones and tens.',
    evidence: '20 of 23 students, up from 8 in September.',
  },
  {
    on: '11-20',
    by: 15,
    goal: 0,
    kind: 'W',
    source: 6,
    headline: 'Thirty families at the library’s Saturday book swap',
    story: 'Families brought books their children had outgrown and left with new ones.',
  },
];

/** Entries that ask more of the add-on than most, as a real school sends them: a percentage, an Arabic family story. */
export const HARD_CASES: SeedWin[] = [
  {
    on: '10-19',
    by: 18,
    goal: 3,
    kind: 'W',
    source: 2,
    headline: 'ابنتي أصبحت تحب الذهاب إلى المدرسة',
    story:
      'في بداية السنة كانت ابنتي تبكي كل صباح. بعد أن أصبح لها صديقة في برنامج الترحيب، صارت تستيقظ باكرًا وتسألني: هل اليوم يوم مدرسة؟ شكرًا للمعلمة فاطمة ولكل من ساعدها.',
    evidence: 'رسالة من الأم إلى المعلمة، مترجمة في الاجتماع: “she now asks every morning if it is a school day”.',
    consent: 1,
  },
  {
    on: '11-16',
    by: 12,
    goal: 2,
    kind: 'W',
    source: 4,
    headline: 'Chronic absence down to 8.5%',
    story:
      'Home visits, texts in home languages and the morning greeting brought chronic absence down from 14% last November to 8.5% this month. 100% of the families we visited said they felt welcome.',
    evidence: 'Attendance report, week ending 13 November: 8.5% of students chronically absent (35 of 412).',
    consent: 2,
  },
];
