# The result: its headings, what an unsure answer was taken to mean, and what changed since the last check.
# lactriage's own words in Spanish; the other language has the same ids and variables.

contributor-with-sources = { $text } (Fuentes: { $sources })
assumed-parent = Respondió «No sé» a «{ $label }», así que se toma como { $as_yes ->
    [yes] sí
   *[no] no
  }.
assumed-consultant = { $label }: incierto; se asume { $as_yes ->
    [yes] presente
   *[no] ausente
  }.
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
chart-basis = Fundamento
chart-time = Fecha y hora
chart-rules = Reglas
chart-findings = Hallazgos
chart-item = Ítem
chart-finding = Hallazgo
chart-advice-given = Indicaciones dadas
chart-advised-against = Se desaconsejó
chart-safety-netting = Pautas de alarma (safety-netting)
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
