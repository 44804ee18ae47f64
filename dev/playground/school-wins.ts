// The seeded school's wins: what Maple Grove Elementary's staff, students, families and partners shared in a
// term, in their own words, plus a few entries with tricky text (formulas, number-like text, HTML, emoji, RTL).

export interface Person {
  name: string;
  role: string;
  email: string;
}

export const PRINCIPAL: Person = { name: 'Helen Park', role: 'Leader', email: 'helen.park@maplegrove.example' };
export const ASSISTANT_PRINCIPAL: Person = { name: 'Marcus Webb', role: 'Leader', email: 'marcus.webb@maplegrove.example' };

export const PEOPLE: Person[] = [
  { name: 'Ana Ruiz', role: 'Teacher', email: 'ana.ruiz@maplegrove.example' },
  { name: 'Ben Okafor', role: 'Teacher', email: 'ben.okafor@maplegrove.example' },
  { name: 'Chloé Martin', role: 'Teacher', email: 'chloe.martin@maplegrove.example' },
  { name: 'Dev Patel', role: 'Teacher', email: 'dev.patel@maplegrove.example' },
  { name: 'Lina Haddad', role: 'Coach', email: 'lina.haddad@maplegrove.example' },
  { name: 'Joy Mensah', role: 'Support staff', email: 'joy.mensah@maplegrove.example' },
  { name: 'Tom Becker', role: 'Teacher', email: 'tom.becker@maplegrove.example' },
  { name: 'Grace Lee', role: 'Teacher', email: 'grace.lee@maplegrove.example' },
  { name: 'Sam Rivera', role: 'Support staff', email: 'sam.rivera@maplegrove.example' },
  { name: 'Fatima Zahra', role: 'Teacher', email: 'fatima.zahra@maplegrove.example' },
  { name: 'Hiro Tanaka', role: 'Teacher', email: 'hiro.tanaka@maplegrove.example' },
  { name: 'Sofia Alvarez', role: 'Teacher', email: 'sofia.alvarez@maplegrove.example' },
  { name: 'Marcus Webb', role: 'Leader', email: 'marcus.webb@maplegrove.example' },
  { name: 'Room 12 student council', role: 'Student', email: 'room12@students.maplegrove.example' },
  { name: 'Maria Santos (Leo’s mum)', role: 'Family member', email: 'maria.santos@family.example' },
  { name: 'Kai Morgan, Riverside Library', role: 'Program partner', email: 'kai.morgan@riverside-library.example' },
];

/** goal: index into the Goals sheet (the example goals); kind W = Win, L = Lesson learned. */
export interface SeedWin {
  goal: number | null;
  kind: 'W' | 'L';
  source: number;
  headline: string;
  story: string;
  evidence?: string;
  link?: string;
  /** Index into PEOPLE; chosen round-robin when missing. */
  by?: number;
  namesStudents?: boolean;
}

// Goals: 0 Reading for all, 1 Math confidence, 2 Belonging and wellbeing, 3 Family partnership, 4 Teaching together.
// Sources: 0 Classroom observation, 1 Student work, 2 Family story, 3 Survey or feedback, 4 Data, 5 Meeting, 6 Other.
export const WINS: SeedWin[] = [
  { goal: 0, kind: 'W', source: 4, headline: 'Reading buddies doubled library visits', story: 'Grade 2 read to Grade 5 in the library every Friday. By week four the older students were asking for more sessions.', evidence: 'Library sign-out log: 14 visits a week, up from 7.', by: 0 },
  { goal: 1, kind: 'W', source: 1, headline: 'Fraction walls made equivalence click in Grade 4', story: 'We built paper fraction walls and compared strips before touching symbols. Students explained 2/4 = 1/2 to each other without prompting.', evidence: 'Exit tickets: 19 of 24 correct, up from 11.', by: 7 },
  { goal: 2, kind: 'W', source: 0, headline: 'Calm corner cut time out of class', story: 'The new calm corner in Kindergarten gives students five minutes to reset instead of leaving the room.', evidence: 'Office referrals from K fell from 9 to 3 in September.', by: 2 },
  { goal: 3, kind: 'W', source: 2, headline: 'Families stayed for the whole reading night', story: 'We served soup, ran three short reading stations and had interpreters in Spanish and Arabic. Almost nobody left early.', evidence: '62 families signed in; 48 completed the feedback card.', by: 6 },
  { goal: 4, kind: 'W', source: 5, headline: 'Grade 3 team now plans math together weekly', story: 'We swapped our Tuesday meeting for a 40-minute co-planning block using one shared lesson template.', by: 4 },
  { goal: 0, kind: 'L', source: 0, headline: 'Silent reading after lunch did not work', story: 'We tried 20 minutes of silent reading straight after recess. Most students could not settle. We moved it to the morning and paired it with a short read-aloud.', evidence: 'Observation notes: 6 of 25 reading after 10 minutes, 19 of 25 in the morning slot.', by: 1 },
  { goal: 1, kind: 'W', source: 0, headline: 'Number talks every morning in Grade 1', story: 'Ten minutes of dot-card number talks before the bell. Quiet students now share strategies.', by: 11 },
  { goal: 2, kind: 'W', source: 3, headline: 'More students say an adult at school knows them well', story: 'Our mentoring check-ins paired 40 students with a staff member for two minutes a day.', evidence: 'Belonging survey: 71% agree, up from 58% in June.', by: 5 },
  { goal: 3, kind: 'W', source: 2, headline: 'A dad now volunteers weekly after a positive call home', story: 'I called home just to say his daughter had a great week. He asked how he could help and now reads with small groups on Thursdays.', by: 9, namesStudents: false },
  { goal: 4, kind: 'W', source: 5, headline: 'Peer observation rounds started with volunteers', story: 'Five teachers opened their classrooms for 15-minute visits focused on questioning. The debrief was the best PD conversation of the year.', by: 4 },
  { goal: 0, kind: 'W', source: 1, headline: 'Grade 5 wrote picture books for Kindergarten', story: 'Each Grade 5 student wrote and illustrated a short book, then read it to a Kindergarten buddy.', evidence: 'All 27 books finished; the K class voted for their favourites.', by: 1, namesStudents: true },
  { goal: 1, kind: 'L', source: 4, headline: 'Timed fact drills raised anxiety, not fluency', story: 'Two weeks of timed drills made several students anxious and scores did not move. We switched to fact games with a partner.', evidence: 'Fluency check unchanged (average 31 facts/min); 8 students reported worry in a check-in.', by: 3 },
  { goal: 2, kind: 'W', source: 0, headline: 'Buddy benches busy at every recess', story: 'Student council painted two buddy benches and taught the younger grades how to use them.', by: 13 },
  { goal: 3, kind: 'W', source: 3, headline: 'Conference sign-ups reached 92%', story: 'We offered evening and video slots and texted reminders in home languages.', evidence: '92% of families booked, up from 74% last year.', by: 12 },
  { goal: 4, kind: 'W', source: 5, headline: 'New teachers get a weekly 20-minute coaching slot', story: 'Each first-year teacher now meets the coach for a short, focused check-in with one goal for the week.', by: 4 },
  { goal: 0, kind: 'W', source: 4, headline: 'Phonics groups moved 11 students up a level', story: 'Small flexible phonics groups for Grade 1, regrouped every three weeks by assessment.', evidence: 'Benchmark: 11 of 16 students moved up at least one level.', by: 11 },
  { goal: 1, kind: 'W', source: 1, headline: 'Math journals show reasoning, not just answers', story: 'Students now write one sentence about how they solved each problem. Their explanations are getting longer and clearer.', by: 3 },
  { goal: 2, kind: 'L', source: 5, headline: 'Assemblies were too long for the youngest students', story: 'Our 50-minute assemblies lost K–1 after 20 minutes. We now run a short K–2 assembly and a separate one for 3–5.', by: 12 },
  { goal: 3, kind: 'W', source: 2, headline: 'Family math game night, in three languages', story: 'Families learned four math games they can play with a deck of cards. Instructions were printed in English, Spanish and Arabic.', evidence: '38 families; 30 took a card deck home.', by: 3 },
  { goal: 4, kind: 'W', source: 3, headline: 'Staff say PLC time now feels useful', story: 'We shortened PLC agendas to one student-work protocol per meeting.', evidence: 'Staff pulse survey: 81% say PLCs help their teaching, up from 45%.', by: 4 },
  { goal: 0, kind: 'W', source: 0, headline: 'Audiobooks opened chapter books to emerging readers', story: 'Listening stations with the same chapter book let emerging readers join book club discussions.', by: 9 },
  { goal: 1, kind: 'W', source: 4, headline: 'Grade 5 problem-solving scores up on the unit check', story: 'We taught a four-step problem-solving routine and practised it on one rich task a week.', evidence: 'Unit check average 74%, up from 61% on the pre-test.', by: 1 },
  { goal: 2, kind: 'W', source: 4, headline: 'Attendance up after morning greetings at the door', story: 'Every adult greets students by name at the door for the first ten minutes.', evidence: 'October attendance 95.1%, up from 92.8% in September.', by: 12 },
  { goal: 3, kind: 'L', source: 3, headline: 'Newsletter links were not reaching families', story: 'Only a few families opened the linked newsletter. Families told us they cannot open school Docs. We now paste the full newsletter into the email.', evidence: 'Link opens: 11 of 340 families.', by: 12 },
  { goal: 4, kind: 'W', source: 5, headline: 'Co-teaching pair shares a planning template', story: 'Our ELL and Grade 3 teachers plan language goals into every math lesson with one shared template.', by: 9 },
  { goal: 0, kind: 'W', source: 2, headline: 'A family started a bedtime reading routine', story: 'After the reading night, a mum wrote that her son now asks for a story every night and reads the last page himself.', by: 14, namesStudents: false },
  { goal: 1, kind: 'W', source: 0, headline: 'Students used number lines without being asked', story: 'During a subtraction task, half the class reached for the number line on their own to check answers.', by: 11 },
  { goal: 2, kind: 'W', source: 3, headline: 'Lunchtime clubs give every student a place to go', story: 'Lego, chess, drawing and garden clubs run every lunch. Students who used to wander now have somewhere to be.', evidence: '96 students joined at least one club.', by: 5 },
  { goal: 3, kind: 'W', source: 2, headline: 'Grandparents’ morning filled the gym', story: 'Grandparents and elders joined classes for a morning of reading and games.', by: 6, namesStudents: true },
  { goal: 4, kind: 'L', source: 5, headline: 'Walkthrough feedback needs to come within a day', story: 'Teachers told us feedback a week after a walkthrough was too late to use. We now send two lines the same day.', by: 4 },
  { goal: 0, kind: 'W', source: 1, headline: 'Writing stamina doubled in Grade 2', story: 'We built writing stamina a few minutes at a time, celebrating each new record.', evidence: 'Average sustained writing time: 16 minutes, up from 7.', by: 0 },
  { goal: 1, kind: 'W', source: 1, headline: 'Grade 4 designed their own word problems', story: 'Students wrote word problems about our school garden and swapped them with another class.', by: 7 },
  { goal: 2, kind: 'W', source: 0, headline: 'Restorative circles resolved a playground conflict', story: 'Two groups in Grade 5 talked through a football dispute in a circle and agreed on team rules together.', by: 5 },
  { goal: 3, kind: 'W', source: 3, headline: 'Families asked for more “how to help at home” sheets', story: 'Our one-page guides for helping with reading at home were the most requested item at conferences.', by: 6 },
  { goal: 4, kind: 'W', source: 5, headline: 'Teachers swapped classes to learn a new routine', story: 'Two Grade 1 teachers swapped classes for a morning to see each other’s phonics routine in action.', by: 11 },
  { goal: 0, kind: 'W', source: 6, headline: 'Riverside Library story time came to school', story: 'The public library now runs a monthly story time in our library and signs families up for cards.', evidence: '41 new library cards issued on the first visit.', by: 15 },
  { goal: 1, kind: 'L', source: 0, headline: 'Too many manipulatives at once slowed the lesson', story: 'Giving out four kinds of manipulatives overwhelmed Grade 2. One tool per lesson works better.', by: 0 },
  { goal: 2, kind: 'W', source: 3, headline: 'Fewer students feel worried on the bus', story: 'Bus buddies and a seating plan for the first month made the ride calmer.', evidence: 'Bus survey: worried students fell from 22 to 9.', by: 8 },
  { goal: 3, kind: 'W', source: 2, headline: 'Interpreters at conferences made a difference', story: 'Families said having an interpreter in the room meant they could ask their own questions for the first time.', by: 9 },
  { goal: 4, kind: 'W', source: 3, headline: 'Staff meeting now ends with shout-outs', story: 'The last five minutes of each staff meeting are for colleagues thanking each other. It has become the favourite part.', by: 12 },
  { goal: 0, kind: 'W', source: 0, headline: 'Reader’s theatre got reluctant readers on stage', story: 'Grade 3 practised short scripts all week and performed for Grade 1. Several reluctant readers asked for bigger parts.', by: 9 },
  { goal: 1, kind: 'W', source: 4, headline: 'Math intervention group closed the gap', story: 'Three 20-minute sessions a week on place value with a small group.', evidence: '7 of 8 students now at grade level on the place-value check.', by: 3, namesStudents: true },
  { goal: 2, kind: 'L', source: 4, headline: 'Behaviour chart did not reduce disruptions', story: 'A public clip chart in Grade 4 did not reduce disruptions and embarrassed some students. We replaced it with private check-ins.', evidence: 'Disruptions logged: 14 a week before, 15 a week after.', by: 7 },
  { goal: 3, kind: 'W', source: 6, headline: 'The PTA now translates every flyer', story: 'Volunteer parents translate every flyer into Spanish and Arabic within two days.', by: 14 },
  { goal: 4, kind: 'W', source: 5, headline: 'Teachers built a shared bank of exit tickets', story: 'Grades 3–5 now share one folder of exit tickets by standard, saving planning time every week.', by: 4 },
  { goal: 0, kind: 'W', source: 1, headline: 'Kindergarten wrote their first sentences', story: 'By November most of our Kindergarten class can write a sentence with a capital letter and a full stop.', by: 2 },
  { goal: 1, kind: 'W', source: 0, headline: 'Estimation jar got the whole school guessing', story: 'A weekly estimation jar in the front office gets students reasoning about quantity on the way in.', by: 8 },
  { goal: 2, kind: 'W', source: 0, headline: 'The garden crew looks after the new plants', story: 'A group of students who struggled at recess now care for the school garden every lunchtime.', by: 8 },
  { goal: 3, kind: 'L', source: 3, headline: 'Daytime events miss working families', story: 'Our 10 am coffee morning drew six families. The same event at 6 pm drew forty.', by: 12 },
  { goal: 4, kind: 'W', source: 5, headline: 'Coach-led lesson study on questioning', story: 'Four teachers planned, taught and revised one lesson together, focused on open questions.', by: 4 },
  { goal: 0, kind: 'W', source: 4, headline: 'Independent reading minutes up across Grade 4', story: 'Reading logs moved online and students chose their own goals.', evidence: 'Average 96 minutes a week, up from 60.', by: 7 },
  { goal: 1, kind: 'W', source: 2, headline: 'A family said their child now loves math', story: 'A dad told us his daughter plays the card games from math night every evening and explains them to her brother.', by: 14 },
  { goal: 2, kind: 'W', source: 3, headline: 'Students help write the class agreements', story: 'Every class wrote its own agreements in the first week. Students refer to them when things go wrong.', by: 13 },
  { goal: 3, kind: 'W', source: 2, headline: 'Families joined the class museum walk', story: 'Grade 3 turned their habitats projects into a museum and families walked through after school.', by: 9, namesStudents: true },
  { goal: 4, kind: 'W', source: 3, headline: 'Teachers asked for more peer visits', story: 'After the first peer observation round, 14 teachers signed up for the next one.', by: 4 },
  { goal: null, kind: 'W', source: 6, headline: 'Custodial team set up the gym in record time', story: 'The custodial team turned the gym around between the assembly and the book fair in twenty minutes.', by: 8 },
  { goal: 0, kind: 'W', source: 6, headline: 'Book fair raised money for classroom libraries', story: 'The autumn book fair raised enough for 120 new books across all classroom libraries.', by: 6 },
  { goal: 2, kind: 'W', source: 0, headline: 'New students get a welcome buddy on day one', story: 'Every new student now has a buddy and a tour on their first day.', by: 5 },
  { goal: 1, kind: 'W', source: 5, headline: 'Math coach modelled a three-act task', story: 'Staff watched a three-act task in Grade 5 and tried one in their own class the same week.', by: 4 },
  { goal: 3, kind: 'W', source: 3, headline: 'Family survey response rate doubled', story: 'We sent the survey by text in home languages and gave time at pick-up to complete it on a tablet.', evidence: '212 responses, up from 98.', by: 12 },
];

/** Entries a real school sends sooner or later: text that looks like a formula, a number or a date, HTML, emoji, RTL. */
export const TRICKY_WINS: SeedWin[] = [
  { goal: 1, kind: 'W', source: 1, headline: '=SUM(A1)', story: 'Grade 5 typed =SUM(A1) into the class spreadsheet and finally saw why totals update by themselves.', evidence: '+1 on every team score', by: 1 },
  { goal: 0, kind: 'W', source: 0, headline: '007', story: 'Room 007 (the portable) has a reading nook at last.', evidence: '3/4', link: '-2', by: 6 },
  { goal: 2, kind: 'L', source: 6, headline: '<script>alert(1)</script> is not a headline', story: 'Someone pasted <script>alert(1)</script> and <img src=x onerror=alert(2)> into the form to test it. It should show as text everywhere. <b>Not bold.</b>', evidence: '@everyone saw plain text', by: 12 },
  { goal: 0, kind: 'W', source: 2, headline: '🎉 Kindergarten reached 100 books read 📚✨', story: 'The class chart is full of stars ⭐⭐⭐ and the students chose a pyjama reading party 🧸.', by: 2 },
  { goal: 3, kind: 'W', source: 2, headline: 'أمسية القراءة العائلية نجحت نجاحًا كبيرًا', story: 'حضرت أكثر من أربعين عائلة، وقرأ الأطفال مع أهاليهم باللغتين العربية والإنجليزية.', by: 9 },
  { goal: 3, kind: 'W', source: 2, headline: 'ערב קריאה משפחתי עם 30 משפחות', story: 'ההורים קראו עם הילדים בעברית ובאנגלית, והספרייה השאילה 45 ספרים.', by: 14 },
  {
    goal: 4,
    kind: 'L',
    source: 5,
    headline: 'What we learned from a term of peer observation (long story)',
    story: Array.from({ length: 24 }, (_, i) =>
      `Week ${i + 1}: we visited a colleague's classroom for fifteen minutes, noticed one thing about questioning, wrote it on a sticky note, and talked about it at lunch. ` +
      'Some weeks nobody had time, and that taught us to protect the slot on the timetable instead of hoping it would happen.',
    ).join('\n'),
    by: 4,
  },
];
