# Answers in words: as menus show them, as results describe them, and what an answer must be; numbers, dates and times.
# lactriage's own words in English; the other language has the same ids and variables.

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
range-from-to = { $from }-{ $to }
range-from = { $from }+
range-over-under = over { $from }, under { $to }
range-over = over { $from }
word-back = back
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
date-short = { $weekday } { $day } { $month }, { $time }
ago-just-now = just now
ago-minutes = { $minutes } minutes ago
ago-hours = { $hours } hours ago
ago-days = { $days } days ago
# An answer that is not a value, as an error quotes it.
answer-a-list = a list
answer-an-object = an object
