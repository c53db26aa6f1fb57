# Las palabras propias de lactriage, en español. El texto de las reglas
# (preguntas, consejos, resultados) está en los archivos de traducción de
# las reglas; aquí está todo lo demás que una persona lee.
# Mismos ids y mismas variables que en.ftl. Español neutro, de "usted".

## Respuestas, como las muestran los menús y las describen los resultados

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
answer-not-measured = no medido
# Un rango predefinido en palabras: "más de 0, menos de 48".
range-from-to = { $from }-{ $to }
range-from = { $from }+
range-over-under = más de { $from }, menos de { $to }
range-over = más de { $from }
# La palabra que se escribe para volver a la pregunta anterior.
word-back = atrás

## Las preguntas

menu-type-hours = Escribir las horas o los días
menu-type-number = Escribir el número de { $unit }
menu-skip = Omitir
hint-temperature-parent = Escríbala como 38,4 o 101,2F, o presione Enter si no tiene termómetro.
hint-temperature-consultant = Escríbala como 38,4 o 101,2F, o presione Enter si no se midió.
hint-hours = Escriba las horas, o los días o las semanas: 36, 2 días, 1 semana.
hint-number = Escriba el número de { $unit }.
hint-not-measured = Presione Enter si no se midió.
hint-type-it = Escriba su respuesta.
hint-skip = Presione Enter para omitir esta pregunta.
hint-back-plain = Escriba «atrás» para regresar.
hint-back = Escriba «atrás», o presione Esc, para regresar.
retry-temperature = { $reason }. Revise el termómetro y la unidad: de 30 a 45 °C, o de 86 a 113 °F, como 38,4 o 101,2F
retry-out-of-range = { $value } no puede ser correcto: los valores aceptados son { $range }. Revíselo y escríbalo de nuevo
retry-number = Escriba { $wanted }
retry-or-days = , o días o semanas, como 2 días o 1 semana
retry-or-not-measured = , o presione Enter si no se midió
retry-invalid = Escriba { $accepted }

## Lo que debe ser una respuesta

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
temperature-not-reading = no es un número, con o sin C o F
temperature-neither = { $value } no es una lectura en °C (30-45) ni en °F (86-113)
temperature-decimal-point = ; si quiso decir { $meant }, escriba la coma decimal
temperature-outside = { $value } { $unit } está fuera del rango { $low }-{ $high } { $unit }

## Errores

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

## Resultados

contributor-with-sources = { $text } (Fuentes: { $sources })
assumed-parent = Respondió «No sé» a «{ $label }», así que se toma como { $as_yes ->
    [yes] sí
   *[no] no
  }.
assumed-consultant = { $label }: incierto; se asume { $as_yes ->
    [yes] presente
   *[no] ausente
  }.
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
text-most-likely = Lo más probable:
text-do-now = Qué hacer ahora:
text-assessment = Valoración:
text-refer = Derivar:
text-when-not-diagnosis = { $time }. No es un diagnóstico.
text-since-last-check = Desde su última evaluación ({ $when }, { $ago })
text-your-answers = Sus respuestas:
text-findings = Hallazgos:
text-details = Detalles
text-why = Por qué
text-intake = Anamnesis
text-for-consultant = Para la consultora
text-what-to-do = Qué hacer
text-what-to-avoid = Qué evitar (consejos antiguos que todavía circulan)
text-check-again-if = Vuelva a hacer la evaluación ahora, o contacte a un profesional de salud, si nota
text-sources = Fuentes
text-footer = Reglas: { $name } { $version } (sha256:{ $digest }), lactriage { $program }
md-urgency = Urgencia:
md-question = Pregunta
md-answer = Respuesta
md-what-to-avoid = Qué evitar
md-check-again-if = Vuelva a hacer la evaluación ahora, o contacte a un profesional de salud, si
md-rules = Reglas:
md-since-last-check = Desde la última evaluación ({ $when }, { $ago })
md-earlier-checks = Evaluaciones anteriores de este episodio
md-earlier-header = | Fecha | Temperatura | Urgencia | Valoración |
chart-title = Triaje de lactancia: { $title }
chart-urgency = Urgencia
chart-assessment = Valoración
chart-summary = Resumen
chart-basis = Motivo de la valoración
chart-time = Fecha y hora
chart-rules = Reglas
chart-findings = Hallazgos
chart-item = Ítem
chart-finding = Hallazgo
chart-advice-given = Indicaciones dadas
chart-advised-against = Se desaconsejó
chart-safety-netting = Pautas de alarma (safety-netting)
prompt-answer-before = Su respuesta anterior: { $answer }
prompt-last-time = La última vez: { $answer }
plain-type-1-to-n = Escriba del 1 al { $n }
plain-type-1-to-n-or-back = Escriba del 1 al { $n }, o «atrás»
plain-not-a-choice = Escriba un número del 1 al { $n }: «{ $typed }» no es una de las opciones.
plain-or-type-time = O escriba un tiempo con su unidad, como 36 h o 2 días.
plain-findings-recorded = Hallazgos registrados:
review-see-result = Ver el resultado
plain-review-ask = Presione Enter (o escriba 1) para ver el resultado, o escriba el número de una respuesta para cambiarla:
plain-review-retry = Escriba un número del 1 al { $n }, «atrás», o presione Enter.
plain-type-1-or-2 = escriba 1 o 2
plain-please-1-or-2 = Escriba 1 o 2.
term-back = atrás
term-keys-typing = ↑↓ y Enter, o escriba 1-{ $n } o un tiempo (36 h, 2 días), y luego Enter
term-keys = ↑↓ y Enter, o escriba 1-{ $n }
term-keys-long = ↑↓ o un número, y luego Enter
term-keys-back = ; Esc o ← para regresar
term-typed = Escrito: { $typed } (Enter para usarlo, Retroceso para corregirlo)
term-skipped = sin respuesta
term-more = { $above } más arriba, { $below } más abajo
term-no-reading = Sin medición: la siguiente pregunta es sobre cómo se siente.
term-your-answer-before = su respuesta anterior
term-review-parent = Revise sus respuestas. Elija una para cambiarla, o vea el resultado.
term-review-consultant = Revise los hallazgos: elija uno para modificarlo, o vea el resultado.
term-answers = Respuestas
term-confirmed = confirmadas
term-change = Cambiar
intro-parent = lactriage le hace unas preguntas sobre su pecho y luego le dice qué es lo más probable, a quién contactar y cuándo. No es un diagnóstico. Si se siente muy mal, llame ahora al número de emergencias de su zona. No hay nada elegido de antemano: usted elige cada respuesta. Desde la segunda pregunta puede volver a la anterior, y antes del resultado revisa sus respuestas. Ctrl-C detiene el programa en cualquier momento.
intro-consultant = Valoración de triaje en terminología clínica: primero la detección de emergencias y los signos vitales (deje un signo vital como no medido si no se tomó), luego los hallazgos mamarios. Ninguna respuesta viene preseleccionada. Desde la segunda pregunta se puede volver atrás, y los hallazgos se revisan antes del resultado. Herramienta de apoyo al triaje, no un diagnóstico. Ctrl-C detiene el programa en cualquier momento.
intake-intro = Anamnesis para el registro: no cambia el resultado, y cada dato se puede omitir.
intake-after-emergency = El resultado de arriba se mantiene. ¿Registrar ahora la anamnesis para la historia clínica? No cambia el resultado.
intake-record-now = Registrar ahora
kept-as-before = igual que antes

## Guardar un historial y dar seguimiento

keep-question = ¿Guardar un registro privado de esta evaluación en esta computadora, para compararla en la próxima evaluación? Se queda en esta computadora y nunca se envía a ningún lado. Su elección se recordará. Para borrar el registro más adelante: lactriage history --forget all
keep-label = Guardar registro
note-not-compared = lactriage: no se comparan las evaluaciones anteriores: { $reason }
note-no-earlier-check = lactriage: --follow-up: no hay ninguna evaluación anterior guardada para dar seguimiento
note-counted-from = { $at_most ->
    [yes] como máximo; contadas
   *[no] contadas
  } desde su evaluación del { $when }
note-hours-since-start = lactriage: --follow-up: horas desde el inicio: { $hours } ({ $why })
note-choice-remembered = Su elección quedó guardada en { $path } (--save o --no-save la cambian para una sola ejecución).
note-choice-not-remembered = lactriage: no se pudo guardar su elección: { $reason }
note-nothing-kept = No se guardó nada.
note-kept = Guardado en el historial como episodio { $episode } ({ $path }).
note-not-kept = lactriage: el resultado de arriba es válido, pero no se guardó en el historial: { $reason }
note-saved-to = Guardado en { $path }
same-problem-question = ¿Es el mismo problema que revisó el { $when } ({ $ago })?
same-problem-label = Mismo problema
date-short = { $weekday } { $day } { $month }, { $time }
ago-just-now = hace un momento
ago-minutes = hace { $minutes } minutos
ago-hours = hace { $hours } horas
ago-days = hace { $days } días
follow-temperature-same = temperatura ({ $celsius } °C)
follow-temperature-changed = La temperatura { $direction ->
    [down] bajó
   *[up] subió
  } de { $from } a { $to } °C.
follow-pain-reliever = Un analgésico como el ibuprofeno o el paracetamol (acetaminofén) puede bajar la temperatura aunque la infección siga ahí: guíese también por cómo se siente y por las otras señales.
follow-changed = { $label }: antes { $then }, ahora { $now }.
follow-same = Igual que la última vez: { $answers }.
deadline-emergency = En su evaluación del { $at }, se le indicó pedir ayuda de emergencia de inmediato.
deadline-today = En su evaluación del { $at }, se le indicó contactar a un profesional de salud ese mismo día.
deadline-24h = Se le indicó contactar a un profesional de salud si no mejoraba claramente en 24 horas; han pasado { $hours } horas desde su evaluación del { $at }.
deadline-antibiotics = Se le indicó contactar a su profesional de salud si no mejoraba en las 48 horas siguientes al inicio de los antibióticos; han pasado { $at_most ->
    [yes] hasta { $hours }
   *[no] { $hours }
  } horas desde que empezó a tomarlos.
deadline-self-care = Se le indicó contactar a un profesional de salud si no mejoraba en 2-3 días; han pasado { $hours } horas desde su primera evaluación del { $at }.

## lactriage questions

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
questions-consultant-only = solo se pregunta a consultoras; sin respuesta, cuenta como not_measured
questions-intake = anamnesis: se pregunta a consultoras para el registro; nunca cambia el resultado
questions-md-header = | id | etiqueta | acepta | se pregunta |
questions-asked-intake = anamnesis de consultora; nunca cambia el resultado
questions-asked-consultants = solo a consultoras; sin respuesta, cuenta como not_measured
questions-asked-tree = cuando el árbol la necesita
# { $what } es una de las palabras what-*, que llevan su artículo.
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

## lactriage history

history-none-to-forget = No hay historial en { $path }: no hay nada que borrar.
history-none-kept-at = No hay evaluaciones guardadas en { $path }. Una evaluación se guarda si usted acepta al final, o con --save.
history-forgot-client = Cliente { $client }: se borraron todas sus evaluaciones.
history-forgot-all = Se borraron todas las evaluaciones de { $path }.
history-forgot-episode = Se borraron el episodio { $episode } y sus evaluaciones.
history-none-kept = No hay evaluaciones guardadas.
history-sign-lump = bulto
history-sign-redness = enrojecimiento: { $redness }
history-sign-fever = fiebre
history-sign-recent-fever = fiebre en las 24 h anteriores
history-client = , cliente { $client }
history-episode = Episodio { $episode }{ $client }: { $checks } evaluación(es) desde el { $since }
history-col-when = fecha
history-col-temp = temp.
history-col-urgency = urgencia
history-col-signs = signos
history-chart-temperature = temperatura, de 36 a 41 °C
history-no-reading = (sin medición)

## La línea de comandos (--help)

cli-heading-options = Opciones
cli-heading-arguments = Argumentos
cli-heading-commands = Comandos
cli-heading-usage = Uso
cli-help-flag = Muestra la ayuda
cli-version-flag = Muestra la versión
cli-about = Triaje del pecho adolorido durante la lactancia: estrechamiento de los conductos, mastitis, absceso o emergencia, y a quién contactar y cuándo.
cli-after-help =
    Ejemplos:
      lactriage                                  hace las preguntas y da un resultado
      lactriage --plain                          una pregunta por línea (lectores de pantalla)
      lactriage --audience consultant            lenguaje clínico, con signos vitales medidos
      lactriage assess --answers case.json --format json
      lactriage assess --set lump=yes --set temperature=38.4 ...
      lactriage questions                        ids de las preguntas y valores aceptados

    Código de salida: 0 se dio un resultado (sea cual sea la urgencia), 2 entrada
    o uso incorrectos, 1 otro fallo, 130 interrumpido.

    Esta es una herramienta de orientación (triaje), no un diagnóstico. En una
    emergencia, llame al número de emergencias de su zona.
cli-assess-about = Pregunta (o lee) las respuestas y da un resultado: el comando predeterminado
cli-assess-answers = Lee las respuestas de un archivo JSON (TOML si termina en .toml); `-` lee JSON de la entrada estándar
cli-assess-audience = Qué terminología usar; `consultant` también pregunta los signos vitales medidos
cli-assess-client = Cliente de una consultora: las evaluaciones de cada cliente se guardan y se comparan por separado
cli-assess-color = Cuándo usar color
cli-assess-follow-up = Esta evaluación es del mismo problema que la última guardada: completa las horas desde el inicio y compara (en una terminal, lo pregunta en su lugar)
cli-assess-force = Con --output, reemplaza FILE si ya existe
cli-assess-format = Cómo mostrar el resultado
cli-assess-history = El archivo de historial donde leer y guardar las evaluaciones; por defecto LACTRIAGE_HISTORY, si no, history.sqlite3 en la carpeta de datos de la plataforma
cli-assess-lang = El idioma en que preguntar y responder; por defecto, el que indique LC_ALL, LC_MESSAGES o LANG (`es_MX.UTF-8` es español), si no, inglés. Los ids en archivos, las opciones y el JSON no cambian
cli-assess-no-input = Nunca pregunta: si faltan respuestas, las enumera y termina con código de salida 2
cli-assess-no-save = No guarda nada de esta evaluación, sin importar lo que se eligió antes
cli-assess-output = Escribe el resultado en FILE (completo o nada, con permisos solo para el propietario) en lugar de la salida estándar
cli-assess-plain = Hace una pregunta por línea, con opciones numeradas que se escriben como número, id o primera letra: para lectores de pantalla y terminales simples. Se activa siempre con TERM=dumb, y cuando la entrada estándar no es una terminal (respuestas por tubería, una por línea)
cli-assess-rules = Usa este archivo de reglas en lugar de las reglas integradas del espectro de la mastitis
cli-assess-save = Guarda esta evaluación en el historial privado, sin importar lo que se eligió antes (sin esta opción, una ejecución desde un script no guarda nada)
cli-assess-set = Responde una pregunta, como `--set temperature=38.4`; se puede repetir, y tiene prioridad sobre --answers
cli-batch-about = Evalúa muchos conjuntos de respuestas en JSON Lines, con una línea de resultado por cada uno
cli-batch-force = Con --output, reemplaza FILE si ya existe
cli-batch-input = JSON Lines que leer: cada línea, un objeto de respuestas, o {"{"}"id": ..., "answers": {"{"}...{"}"}{"}"}; `-` o nada lee la entrada estándar
cli-batch-jobs = Hilos que responden las líneas; por defecto, uno por cada núcleo que este proceso pueda usar. La salida sigue el orden de la entrada, sea cual sea el número
cli-batch-output = Escribe las líneas de resultado en FILE (completo o nada, con permisos solo para el propietario) en lugar de la salida estándar
cli-batch-rules = Usa este archivo de reglas en lugar de las reglas integradas
cli-completions-about = Muestra un script de autocompletado para el shell, como `lactriage completions bash > ~/.local/share/bash-completion/completions/lactriage`
cli-completions-shell = El shell para el que se genera el autocompletado
cli-history-about = Muestra las evaluaciones guardadas en el historial privado, o las borra
cli-history-client = Cliente de una consultora: muestra (o borra) las evaluaciones de esa persona
cli-history-forget = Borra definitivamente un episodio (por su número en la tabla) y sus evaluaciones, o `all`: todas las evaluaciones (con --client, todas las de esa persona)
cli-history-format = Cómo mostrar las evaluaciones
cli-history-history = El archivo de historial; por defecto LACTRIAGE_HISTORY, si no, history.sqlite3 en la carpeta de datos de la plataforma
cli-man-about = Muestra la página del manual (roff), como `lactriage man | man -l -`
cli-questions-about = Enumera las preguntas de las reglas: ids, tipos y valores aceptados
cli-questions-audience = Qué terminología mostrar
cli-questions-color = Cuándo usar color
cli-questions-format = Cómo mostrar la lista
cli-questions-rules = Usa este archivo de reglas en lugar de las reglas integradas
cli-rules-about = Revisa, dibuja, prueba y compara archivos de reglas
cli-rules-check-about = Demuestra que el árbol está completo y que cumple sus propiedades de seguridad declaradas, para toda combinación de respuestas (si no, código de salida 1 con un contraejemplo)
cli-rules-check-again = Vuelve a demostrar ahora las reglas integradas, en lugar de mostrar la demostración hecha al compilar este lactriage
cli-rules-check-cases = El archivo de casos de las reglas (o una carpeta de ellos); por defecto NAME.cases.toml junto a NAME.toml, si existe
cli-rules-check-file = El archivo de reglas; si se omite, las reglas integradas
cli-rules-diff-about = Muestra qué respuestas cambian de resultado entre dos archivos de reglas (código de salida 1 si alguna cambia)
cli-rules-diff-format = Cómo mostrar los cambios
cli-rules-diff-new = El archivo de reglas tal como está ahora
cli-rules-diff-old = El archivo de reglas tal como era (una versión anterior)
cli-rules-diff-same-as = Compara una respuesta que solo aceptan las reglas nuevas como una de las respuestas de las reglas antiguas, cuando el archivo nuevo dividió una respuesta antigua en dos: QUESTION.NEW_ANSWER=OLD_ANSWER, como redness.streaks=spreading. Sin esta opción, esas respuestas no obtienen resultado de las reglas antiguas
cli-rules-graph-about = Dibuja el árbol en Graphviz DOT o Mermaid
cli-rules-graph-file = El archivo de reglas; si se omite, las reglas integradas
cli-rules-graph-format = El lenguaje del dibujo
cli-rules-safety-case-about = Escribe en Markdown el caso de seguridad clínica: peligros y sus controles, propiedades, casos, umbrales y sus fuentes, y el registro de cambios (código de salida 1 si algún peligro no está controlado)
cli-rules-safety-case-cases = El archivo de casos de las reglas (o una carpeta de ellos); por defecto NAME.cases.toml junto a NAME.toml, si existe
cli-rules-safety-case-changelog = El registro de cambios de las reglas; por defecto CHANGELOG.md junto a las reglas
cli-rules-safety-case-file = El archivo de reglas; si se omite, las reglas integradas
cli-rules-safety-case-force = Con --output, reemplaza FILE si ya existe
cli-rules-safety-case-output = Escribe el documento en FILE (completo o nada) en lugar de la salida estándar
cli-rules-test-about = Ejecuta archivos de casos (respuestas y el resultado esperado) contra las reglas
cli-rules-test-cases = Un archivo de casos (TOML o JSON), o una carpeta de ellos
cli-rules-test-file = El archivo de reglas; si se omite, las reglas integradas
