# Errors, `lactriage history` and `lactriage questions`.
# lactriage's own words in Spanish; the other language has the same ids and variables.

error-interrupted = interrumpido
error-end-of-input = la entrada estándar terminó antes de que se respondieran todas las preguntas
error-terminal-read = no se pudo leer la respuesta desde la terminal: { $reason }
error-unknown-question = pregunta desconocida '{ $id }'{ $suggestion }; `lactriage questions` muestra la lista de ids
did-you-mean = { " " }(¿quiso decir '{ $id }'?)
error-answer-invalid = pregunta '{ $question }': no se acepta '{ $value }'; se acepta: { $accepted }
error-answer-out-of-range = pregunta '{ $question }': { $value } no puede ser correcto, los valores aceptados son { $range }; revise la lectura y la unidad. Se acepta: { $accepted }
error-answer-temperature = pregunta '{ $question }': '{ $value }' no es una temperatura que se pueda usar ({ $reason }); revise el termómetro y la unidad. Se acepta: una lectura de 30 a 45 °C o de 86 a 113 °F, como 38,4; 38,4C; 101,2F o 101,2 °F; o not_measured
error-answers-not-object = { $origin }: las respuestas deben ser un objeto de id de pregunta a respuesta, como {"{"}"lump": "yes", "temperature": "38.4"{"}"}
error-set-without-equals = --set '{ $arg }' no tiene '=': escríbalo como ID=VALUE, por ejemplo --set temperature=38.4
rules-not-translated = { $file } no tiene traducción a este idioma ({ $expected }): sus preguntas y resultados se muestran en su idioma original.
questions-yes-no = sí | no
questions-yes-no-unsure = sí | no | no sé («no sé» cuenta como { $as_yes ->
    [yes] sí
   *[no] no
  })
questions-number-of = número de { $unit }
questions-from-to = , de { $from } a { $to }
questions-at-least = , { $from } o más
questions-at-most = , { $to } o menos
questions-also-days = { " " }(también en días o semanas: 36 h, 2 días, 1 semana)
questions-reading = una lectura: 38,4; 38,4C; 101,2F (de 30 a 45 °C, de 86 a 113 °F)
questions-free-text = texto libre
questions-of = Preguntas de { $name } { $version }:
questions-of-md = Preguntas de { $name } { $version }
questions-accepts = acepta: { $accepted }
questions-consultant-only = solo se pregunta con --audience consultant; sin respuesta, cuenta como not_measured
questions-intake = anamnesis: se pregunta a consultoras para el registro; nunca cambia el resultado
questions-md-header = | id | etiqueta | acepta | se pregunta |
questions-asked-intake = anamnesis de consultora; nunca cambia el resultado
questions-asked-consultants = solo con --audience consultant; sin respuesta, cuenta como not_measured
questions-asked-tree = cuando el árbol la necesita
error-read = no fue posible leer { $what } '{ $path }': { $reason }
error-not-utf8 = { $what } no es texto UTF-8 (aquí está el primer byte que no lo es); guarde el archivo como UTF-8
error-output = no se puede escribir el resultado: { $reason }
io-not-found = el archivo no existe
io-not-utf8 = no es texto UTF-8
io-is-folder = es una carpeta, no un archivo
what-rules-file = el archivo de reglas
what-answers-file = el archivo de respuestas
what-answers-from = las respuestas de
what-translation = la traducción
what-case-file = el archivo de casos
what-cases-folder = la carpeta de casos
what-changelog = el registro de cambios
error-missing-answers = faltan respuestas
error-missing-first = faltan respuestas y no hay una terminal donde preguntarlas: se necesita '{ $id }'
error-missing-rest = , y según las respuestas, posiblemente: { $ids }
error-missing-how = Indíquelas con --answers FILE o --set ID=VALUE; `lactriage questions` muestra lo que acepta cada una.
error-label = error:
history-none-to-forget = No hay historial en { $path }: no hay nada que borrar.
history-none-kept-at = No hay evaluaciones guardadas en { $path }. Una evaluación se guarda si usted acepta al final, o con --save.
history-forgot-client = Cliente { $client }: se borraron todas sus evaluaciones.
history-forgot-all = Se borraron todas las evaluaciones de { $path }.
history-forgot-episode = Se borraron el episodio { $episode } y sus evaluaciones.
history-none-kept = No hay evaluaciones guardadas.
history-sign-lump = bulto
history-sign-redness = enrojecimiento { $redness ->
    [small] pequeño
    [spreading] extendido
    [streaks] en líneas
   *[other] { $redness }
  }
history-sign-fever = fiebre
history-sign-recent-fever = fiebre en las 24 h anteriores
history-client = , cliente { $client }
history-episode = Episodio { $episode }{ $client }: { $checks ->
    [one] 1 evaluación
   *[other] { $checks } evaluaciones
  } desde el { $since }
history-col-when = fecha
history-col-temp = temp.
history-col-urgency = urgencia
history-col-signs = signos
history-chart-temperature = temperatura, de 36 a 41 °C
history-no-reading = (sin medición)
history-error-open = no se puede abrir el historial '{ $path }': { $reason }
history-error-folder = no se puede crear la carpeta del historial '{ $path }': { $reason }
history-error-damaged = el historial '{ $path }' no es un historial de lactriage, o está dañado ({ $reason }); muévalo a otro lugar para empezar uno nuevo
history-error-newer = el historial '{ $path }' lo escribió una versión más nueva de lactriage (esquema { $found }; esta conoce el { $known }); actualice lactriage
history-error-sql = no se puede usar el historial '{ $path }': { $reason }
history-error-no-episode = no hay ningún episodio { $episode } en el historial (de este cliente); `lactriage history` los muestra
history-error-not-ours = '{ $path }' es una base de datos de otro programa, no un historial de lactriage; indique otro archivo con --history
history-error-in-use = las evaluaciones se borraron, pero otro lactriage está usando el historial '{ $path }', así que sus páginas antiguas pueden quedar en su registro hasta que termine; entonces vuelva a ejecutar --forget
history-error-no-folder = no se conoce ninguna carpeta de historial en este sistema; indique una con --history FILE o LACTRIAGE_HISTORY
output-exists = '{ $path }' ya existe; use --force para reemplazarlo
output-cannot-write = no se puede escribir '{ $path }': { $reason }
error-forget-what = --forget necesita un número de episodio de `lactriage history`, o `all`; '{ $what }' no es ninguno de los dos
history-urgency = { $urgency ->
    [self_care] en casa
    [within_days] en días
    [within_24h] en 24 h
    [today] hoy
    [emergency] emergencia
   *[other] { $urgency }
  }
standard-input = la entrada estándar
history-no-config-folder = no se conoce ninguna carpeta de configuración en este sistema
