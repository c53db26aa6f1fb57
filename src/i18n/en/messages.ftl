# Errors, `lactriage history` and `lactriage questions`.
# lactriage's own words in English; the other language has the same ids and variables.

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
questions-yes-no = yes | no
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
history-error-open = cannot open the history '{ $path }': { $reason }
history-error-folder = cannot create the folder of the history '{ $path }': { $reason }
history-error-damaged = the history '{ $path }' is not a lactriage history, or is damaged ({ $reason }); move it away to start a new one
history-error-newer = the history '{ $path }' was written by a newer lactriage (schema { $found }, this one knows { $known }); update lactriage
history-error-sql = cannot use the history '{ $path }': { $reason }
history-error-no-episode = there is no episode { $episode } in the history (of this client); `lactriage history` lists them
history-error-not-ours = '{ $path }' is a database of another program, not a lactriage history; give another file with --history
history-error-in-use = the checks are deleted, but another lactriage is using the history '{ $path }', so their old pages may stay in its log until it ends; run --forget again then
history-error-no-folder = no history folder is known on this system; give one with --history FILE or LACTRIAGE_HISTORY
output-exists = '{ $path }' exists already; give --force to replace it
output-cannot-write = cannot write '{ $path }': { $reason }
error-forget-what = --forget takes an episode number from `lactriage history`, or `all`; '{ $what }' is neither
# The urgency of a kept check, in the table: the ids, as in the rules.
history-urgency = { $urgency ->
    [emergency] emergency
   *[other] { $urgency }
  }
standard-input = standard input
history-no-config-folder = no configuration folder is known on this system
