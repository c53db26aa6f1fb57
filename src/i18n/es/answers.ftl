# Answers in words: as menus show them, as results describe them, and what an answer must be; numbers, dates and times.
# lactriage's own words in Spanish; the other language has the same ids and variables.

answer-yes = Sí
answer-no = No
answer-unsure = No sé
answer-unsure-counted = no sé (se cuenta como { $as_yes ->
    [yes] sí
   *[no] no
  })
answer-yes-lower = sí
answer-no-lower = no
answer-unsure-lower = no sé
answer-not-measured = sin medir
range-from-to = { $from }-{ $to }
range-from = { $from }+
range-over-under = más de { $from }, menos de { $to }
range-over = más de { $from }
word-back = atrás
accepted-yes-no-unsure = sí, no o no sé (también sirven true/false)
accepted-yes-no = sí o no (también sirven true/false)
accepted-text = unas palabras (para omitirla, no incluya la pregunta)
bounds-from-to = de { $from } a { $to } { $unit }
bounds-at-least = { $from } { $unit } o más
bounds-at-most = { $to } { $unit } o menos
bounds-any = los valores aceptados
number-from-to = { $whole ->
    [yes] un número entero
   *[no] un número
  } de { $from } a { $to }
number-at-least = { $whole ->
    [yes] un número entero
   *[no] un número
  }, { $from } o más
number-at-most = { $whole ->
    [yes] un número entero
   *[no] un número
  }, { $to } o menos
number-any = { $whole ->
    [yes] un número entero
   *[no] un número
  }
or-not-measured-id = , o not_measured
temperature-not-number = una temperatura es un número
temperature-not-reading = no es un número (con o sin C o F al final)
temperature-neither = { $value } no es una lectura en °C (30-45) ni en °F (86-113)
temperature-decimal-point = ; si quiso decir { $meant }, escriba la coma decimal
temperature-outside = { $value } { $unit } está fuera del rango { $low }-{ $high } { $unit }
date-time = { $weekday } { $day } { $month } { $year }, { $time }
weekday-mon = lun
weekday-tue = mar
weekday-wed = mié
weekday-thu = jue
weekday-fri = vie
weekday-sat = sáb
weekday-sun = dom
month-jan = ene
month-feb = feb
month-mar = mar
month-apr = abr
month-may = may
month-jun = jun
month-jul = jul
month-aug = ago
month-sep = sep
month-oct = oct
month-nov = nov
month-dec = dic
date-short = { $weekday } { $day } { $month }, { $time }
ago-just-now = hace un momento
ago-minutes = hace { $minutes } minutos
ago-hours = hace { $hours } horas
ago-days = hace { $days } días
answer-a-list = una lista
answer-an-object = un objeto
