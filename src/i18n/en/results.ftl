# The result: its headings, what an unsure answer was taken to mean, and what changed since the last check.
# lactriage's own words in English; the other language has the same ids and variables.

contributor-with-sources = { $text } (Sources: { $sources })
assumed-parent = You were not sure about "{ $label }", so this assumes { $as_yes ->
    [yes] yes
   *[no] no
  }.
assumed-consultant = { $label }: uncertain; assumed { $as_yes ->
    [yes] present
   *[no] absent
  }.
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
