# lactriage's own words, in English. The rules' text (questions, advice,
# results) is in the rules files; this is everything else a person reads.
# Spanish: es.ftl, with the same ids and the same variables.

## Answers, as menus show them and results describe them

answer-yes = Yes
answer-no = No
answer-unsure = Not sure
answer-unsure-counted = not sure (counted as { $as_yes ->
    [yes] yes
   *[no] no
  })
answer-yes-lower = yes
answer-no-lower = no
answer-unsure-lower = not sure
answer-not-measured = not measured
# A preset range in words: "over 0, under 48".
range-from-to = { $from }-{ $to }
range-from = { $from }+
range-over-under = over { $from }, under { $to }
range-over = over { $from }
word-back = back

## The prompt

menu-type-hours = Type the hours or days
menu-type-number = Type the number of { $unit }
menu-skip = Skip
hint-temperature-parent = Type it as 38.4 or 101.2F, or press Enter if you have no thermometer.
hint-temperature-consultant = Type it as 38.4 or 101.2F, or press Enter if not measured.
hint-hours = Type the hours, or days or weeks: 36, 2 days, 1 week.
hint-number = Type the number of { $unit }.
hint-not-measured = Press Enter if not measured.
hint-type-it = Type it.
hint-skip = Press Enter to skip.
hint-back-plain = Type back to go back.
hint-back = Type back, or press Esc, to go back.
retry-temperature = { $reason }. Check the thermometer and the unit: 30-45 °C or 86-113 °F, such as 38.4 or 101.2F
retry-out-of-range = { $value } cannot be right: the accepted values are { $range }. Check it and type it again
retry-number = Please type { $wanted }
retry-or-days = , or days or weeks, such as 2 days or 1 week
retry-or-not-measured = , or press Enter if not measured
retry-invalid = Please enter { $accepted }

## What an answer must be

accepted-yes-no-unsure = yes, no or unsure (true/false also work)
accepted-yes-no = yes or no (true/false also work)
accepted-text = a few words (leave the question out to skip it)
bounds-from-to = { $from } to { $to } { $unit }
bounds-at-least = { $from } { $unit } or more
bounds-at-most = { $to } { $unit } or less
bounds-any = the accepted values
number-from-to = { $whole ->
    [yes] a whole number
   *[no] a number
  } from { $from } to { $to }
number-at-least = { $whole ->
    [yes] a whole number
   *[no] a number
  }, { $from } or more
number-at-most = { $whole ->
    [yes] a whole number
   *[no] a number
  }, { $to } or less
number-any = { $whole ->
    [yes] a whole number
   *[no] a number
  }
or-not-measured-id = , or not_measured
temperature-not-number = a temperature is a number
temperature-not-reading = not a number with an optional C or F
temperature-neither = { $value } is neither a reading in °C (30-45) nor in °F (86-113)
temperature-decimal-point = ; if you meant { $meant }, type the decimal point
temperature-outside = { $value } { $unit } is outside { $low }-{ $high } { $unit }

## Errors

error-interrupted = interrupted
error-end-of-input = standard input ended before every question was answered
error-terminal-read = could not read the answer from the terminal: { $reason }
error-unknown-question = unknown question '{ $id }'{ $suggestion }; `lactriage questions` lists the ids
did-you-mean = { " " }(did you mean '{ $id }'?)
error-answer-invalid = question '{ $question }': '{ $value }' is not accepted; accepted: { $accepted }
error-answer-out-of-range = question '{ $question }': { $value } cannot be right, the accepted values are { $range }; check the reading and the unit. Accepted: { $accepted }
error-answer-temperature = question '{ $question }': '{ $value }' is not a temperature that can be used ({ $reason }); check the thermometer and the unit. Accepted: a reading of 30-45 °C or 86-113 °F, such as 38.4, 38.4C, 101.2F or 101.2 °F, or not_measured
error-answers-not-object = { $origin }: answers must be an object of question id to answer, such as {"{"}"lump": "yes", "temperature": "38.4"{"}"}
error-set-without-equals = --set '{ $arg }' has no '=': write it as ID=VALUE, such as --set temperature=38.4
rules-not-translated = { $file } has no translation into this language ({ $expected }): its questions and results are shown in its own words.

## Results

contributor-with-sources = { $text } (Sources: { $sources })
assumed-parent = You were not sure about "{ $label }", so this assumes { $as_yes ->
    [yes] yes
   *[no] no
  }.
assumed-consultant = { $label }: uncertain; assumed { $as_yes ->
    [yes] present
   *[no] absent
  }.
date-time = { $weekday } { $day } { $month } { $year }, { $time }
weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
month-jan = Jan
month-feb = Feb
month-mar = Mar
month-apr = Apr
month-may = May
month-jun = Jun
month-jul = Jul
month-aug = Aug
month-sep = Sep
month-oct = Oct
month-nov = Nov
month-dec = Dec
text-most-likely = Most likely:
text-do-now = Do now:
text-assessment = Assessment:
text-refer = Refer:
text-when-not-diagnosis = { $time }. Not a diagnosis.
text-since-last-check = Since your last check ({ $when }, { $ago })
text-your-answers = Your answers:
text-findings = Findings:
text-details = Details
text-why = Why
text-intake = Intake
text-for-consultant = For the consultant
text-what-to-do = What to do
text-what-to-avoid = What to avoid (older advice that is still around)
text-check-again-if = Check again now, or contact a provider, if you notice
text-sources = Sources
text-footer = Rules: { $name } { $version } (sha256:{ $digest }), lactriage { $program }
md-urgency = Urgency:
md-question = Question
md-answer = Answer
md-what-to-avoid = What to avoid
md-check-again-if = Check again now, or contact a provider, if
md-rules = Rules:
md-since-last-check = Since the last check ({ $when }, { $ago })
md-earlier-checks = Earlier checks of this episode
md-earlier-header = | Time | Temperature | Urgency | Assessment |
chart-title = Lactation triage: { $title }
chart-urgency = Urgency
chart-assessment = Assessment
chart-summary = Summary
chart-basis = Basis
chart-time = Time
chart-rules = Rules
chart-findings = Findings
chart-item = Item
chart-finding = Finding
chart-advice-given = Advice given
chart-advised-against = Advised against
chart-safety-netting = Safety-netting
prompt-answer-before = Your answer before: { $answer }
prompt-last-time = Last time: { $answer }
plain-type-1-to-n = Type 1 to { $n }
plain-type-1-to-n-or-back = Type 1 to { $n }, or back
plain-not-a-choice = Please type a number from 1 to { $n }: "{ $typed }" is not one of them.
plain-or-type-time = Or type a time with its unit, such as 36 h or 2 days.
plain-findings-recorded = Findings recorded:
review-see-result = See the result
plain-review-ask = Press Enter (or type 1) to see the result, or type the number of an answer to change it:
plain-review-retry = Please type a number from 1 to { $n }, back, or press Enter.
plain-type-1-or-2 = type 1 or 2
plain-please-1-or-2 = Please type 1 or 2.
term-back = back
term-keys-typing = ↑↓ and Enter, or type 1-{ $n } or a time (36 h, 2 days), then Enter
term-keys = ↑↓ and Enter, or type 1-{ $n }
term-keys-long = ↑↓ or a number, then Enter
term-keys-back = ; Esc or ← goes back
term-typed = Typed: { $typed } (Enter to use it, Backspace to correct it)
term-skipped = skipped
term-more = { $above } more above, { $below } more below
term-no-reading = No reading: the next question asks how you feel.
term-your-answer-before = your answer before
term-review-parent = Check your answers. Choose one to change it, or see the result.
term-review-consultant = Review the findings: choose one to amend, or see the result.
term-answers = Answers
term-confirmed = confirmed
term-change = Change
intro-parent = lactriage asks a few questions about your breast, then says what it most likely is and whom to contact, and when. It is not a diagnosis. If you feel very unwell, call your local emergency number now. Nothing is chosen for you: pick each answer yourself. From the second question on you can go back one, and you check your answers before the result. Ctrl-C stops at any time.
intro-consultant = Triage intake in clinical wording: emergency screening and vitals first (leave a vital not measured if it was not taken), then the breast findings. No answer is preselected. Back is available from the second question on, and the findings are reviewed before the result. A triage aid, not a diagnosis. Ctrl-C stops at any time.
intake-intro = Intake for the record: these do not change the result, and each may be skipped.
intake-after-emergency = The result above stands. Record the intake details for the chart now? They do not change it.
intake-record-now = Record now
kept-as-before = as before

## Keeping a history, and following up

keep-question = Keep a private record of this check on this computer, so that the next check can compare? It stays on this computer and is never sent anywhere. Your choice is remembered. To delete the record later: lactriage history --forget all
keep-label = Keep a record
note-not-compared = lactriage: earlier checks are not compared: { $reason }
note-no-earlier-check = lactriage: --follow-up: no earlier check is kept to follow up
note-counted-from = { $at_most ->
    [yes] at most; counted
   *[no] counted
  } from your check on { $when }
note-hours-since-start = lactriage: --follow-up: hours since it started: { $hours } ({ $why })
note-choice-remembered = Your choice is remembered in { $path } (--save or --no-save change it for one run).
note-choice-not-remembered = lactriage: your choice could not be remembered: { $reason }
note-nothing-kept = Nothing was kept.
note-kept = Kept in the history as episode { $episode } ({ $path }).
note-not-kept = lactriage: the result above stands, but it was not kept in the history: { $reason }
note-saved-to = Saved to { $path }
same-problem-question = Is this the same problem you checked on { $when } ({ $ago })?
same-problem-label = Same problem
date-short = { $weekday } { $day } { $month }, { $time }
ago-just-now = just now
ago-minutes = { $minutes } minutes ago
ago-hours = { $hours } hours ago
ago-days = { $days } days ago
follow-temperature-same = temperature ({ $celsius } °C)
follow-temperature-changed = Temperature { $direction ->
    [down] down
   *[up] up
  } from { $from } to { $to } °C.
follow-pain-reliever = A pain reliever (ibuprofen, paracetamol) can bring a temperature down while the infection is still there: go by how you feel and by the other signs too.
follow-changed = { $label }: { $then } then, { $now } now.
follow-same = The same as last time: { $answers }.
deadline-emergency = At your check on { $at }, the advice was to call for emergency help at once.
deadline-today = At your check on { $at }, you were advised to contact a provider that same day.
deadline-24h = You were advised to contact a provider if not clearly better within 24 hours; it has been { $hours } hours since your check on { $at }.
deadline-antibiotics = You were advised to contact your provider if not better within 48 hours of starting antibiotics; it has been { $at_most ->
    [yes] up to { $hours }
   *[no] { $hours }
  } hours since you started them.
deadline-self-care = You were advised to contact a provider if it was not improving within 2-3 days; it has been { $hours } hours since your first check on { $at }.

## lactriage questions

questions-yes-no-unsure = yes | no | unsure (unsure counts as { $as_yes ->
    [yes] yes
   *[no] no
  })
questions-number-of = number of { $unit }
questions-from-to = , { $from } to { $to }
questions-at-least = , { $from } or more
questions-at-most = , { $to } or less
questions-also-days = { " " }(also in days or weeks: 36h, 2 days, 1 week)
questions-reading = a reading: 38.4, 38.4C, 101.2F (30-45 °C, 86-113 °F)
questions-free-text = free text
questions-of = Questions of { $name } { $version }:
questions-of-md = Questions of { $name } { $version }
questions-accepts = accepts: { $accepted }
questions-consultant-only = asked of consultants only; unanswered counts as not_measured
questions-intake = intake: asked of consultants for the record; never changes the result
questions-md-header = | id | label | accepts | asked |
questions-asked-intake = consultant intake; never changes the result
questions-asked-consultants = consultants only; unanswered counts as not_measured
questions-asked-tree = when the tree needs it
error-read = cannot read the { $what } '{ $path }': { $reason }
error-not-utf8 = the { $what } is not UTF-8 text (the first byte that is not is here); save it as UTF-8
error-output = cannot write the result: { $reason }
io-not-found = no such file
io-not-utf8 = it is not UTF-8 text
io-is-folder = it is a folder, not a file
what-rules-file = rules file
what-answers-file = answers file
what-answers-from = answers from
what-translation = translation
what-case-file = case file
what-cases-folder = cases folder
what-changelog = changelog
error-missing-answers = answers are missing
error-missing-first = answers are missing and there is no terminal to ask on: '{ $id }' is needed
error-missing-rest = , and depending on the answers, possibly: { $ids }
error-missing-how = Give them with --answers FILE or --set ID=VALUE; `lactriage questions` lists what each accepts.
error-label = error:

## lactriage history

history-none-to-forget = There is no history at { $path }: nothing to forget.
history-none-kept-at = No checks are kept at { $path }. A check is kept when you agree at the end of it, or with --save.
history-forgot-client = Every check of client { $client } is deleted.
history-forgot-all = Every check in { $path } is deleted.
history-forgot-episode = Episode { $episode } and its checks are deleted.
history-none-kept = No checks are kept.
history-sign-lump = lump
history-sign-redness = redness: { $redness }
history-sign-fever = fever
history-sign-recent-fever = fever in the 24 h before
history-client = , client { $client }
history-episode = Episode { $episode }{ $client }: { $checks } check(s) since { $since }
history-col-when = when
history-col-temp = temp.
history-col-urgency = urgency
history-col-signs = signs
history-chart-temperature = temperature, 36 to 41 °C
history-no-reading = (no reading)
