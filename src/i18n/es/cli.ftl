# `--help`: the descriptions of the commands and their arguments.
# lactriage's own words in Spanish; the other language has the same ids and variables.

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
cli-assess-audience-consultant = Una consultora de lactancia: lenguaje clínico y signos vitales medidos
cli-assess-audience-parent = Una madre o un padre que revisa en casa: palabras sencillas
cli-assess-color-always = Siempre en color, incluso hacia una tubería o un archivo
cli-assess-color-auto = En color al escribir en una terminal y si NO_COLOR no está definida
cli-assess-color-never = Nunca en color
cli-assess-format-json = Un objeto JSON, para scripts
cli-assess-format-markdown = Una nota para guardar o pegar
cli-assess-format-text = Para leer en una terminal
cli-assess-lang-en = Inglés (English)
cli-assess-lang-es = Español
cli-history-format-csv = Una fila por evaluación, para una hoja de cálculo
cli-history-format-json = Cada episodio y cada evaluación, con todas las respuestas, en un arreglo JSON
cli-history-format-table = Una tabla por episodio, con un pequeño gráfico de la temperatura y la urgencia en una terminal
cli-questions-audience-consultant = Una consultora de lactancia: lenguaje clínico y signos vitales medidos
cli-questions-audience-parent = Una madre o un padre que revisa en casa: palabras sencillas
cli-questions-color-always = Siempre en color, incluso hacia una tubería o un archivo
cli-questions-color-auto = En color al escribir en una terminal y si NO_COLOR no está definida
cli-questions-color-never = Nunca en color
cli-questions-format-json = Un arreglo JSON, para scripts
cli-questions-format-markdown = Una tabla y el texto de cada pregunta, para documentos
cli-questions-format-text = Para leer en una terminal
cli-rules-diff-format-json = Un arreglo JSON, para scripts
cli-rules-diff-format-text = Para leer en una terminal
cli-rules-graph-format-dot = Graphviz: dibújelo con `dot -Tsvg`
cli-rules-graph-format-mermaid = Mermaid, para los visores de Markdown que lo dibujan
cli-possible-values = Valores posibles
cli-default = predeterminado
clap-unknown-argument = argumento inesperado '{ $arg }'
clap-tip-argument = sugerencia: existe un argumento parecido: '{ $arg }'
clap-unknown-subcommand = subcomando no reconocido '{ $name }'
clap-tip-subcommand = sugerencia: existe un subcomando parecido: '{ $name }'
clap-invalid-value = valor no válido '{ $value }' para '{ $arg }'
clap-missing-arguments = faltan estos argumentos obligatorios:
clap-conflict = el argumento '{ $arg }' no se puede usar con '{ $other }'
clap-more-information = Para más información, pruebe '--help'.
clap-value-required = falta el valor de '{ $arg }'
cli-help-subcommand = Muestra esta ayuda, o la de los subcomandos indicados
