//! Spanish: `--lang es` and a Spanish locale give every word in Spanish,
//! Spanish answers are understood, ids stay as they are, and a translation
//! that does not match its rules is refused. The prompt in Spanish is
//! driven in `pty.rs`.

use std::collections::BTreeSet;

use lactriage::i18n::{self, Language};
use lactriage::rules::Rules;

use crate::harness::{project_file, Test};

/// Every text of the rules a person can read, each whole.
fn rules_texts(rules: &Rules) -> Vec<String> {
    let mut texts = vec![rules.title.clone(), rules.disclaimer.clone()];
    for level in lactriage::rules::Urgency::ALL {
        let u = rules.urgency(level);
        texts.extend([u.label.clone(), u.contact.clone(), u.referral.clone()]);
        texts.extend(u.watch_for.iter().cloned());
    }
    for q in &rules.questions {
        texts.extend([q.label.clone(), q.parent.clone(), q.consultant.clone()]);
        texts.extend(q.help.iter().cloned());
        texts.extend(q.unsure_means.iter().cloned());
        match &q.kind {
            lactriage::rules::QuestionKind::Choice(choices) => {
                for c in choices {
                    texts.extend([c.parent.clone(), c.consultant.clone()]);
                }
            }
            lactriage::rules::QuestionKind::Number(spec) => {
                texts.push(spec.unit_label.clone());
                texts.extend(spec.presets.iter().map(|p| p.label.clone()));
            }
            _ => {}
        }
    }
    for c in &rules.conditions {
        texts.extend([
            c.title.clone(),
            c.clinical_title.clone(),
            c.summary.clone(),
            c.clinical_summary.clone(),
        ]);
        texts.extend(c.contact.iter().chain(&c.referral).map(|(_, t)| t.clone()));
        texts.extend(c.advice.iter().chain(&c.avoid).chain(&c.sources).cloned());
    }
    for node in &rules.nodes {
        if let lactriage::rules::NodeKind::Outcome(o) = &node.kind {
            texts.push(o.why.clone());
            texts.extend(o.clinical_why.iter().cloned());
            texts.extend(o.contact_note.iter().cloned());
        }
    }
    texts.extend(rules.contributors.iter().map(|c| c.text.clone()));
    texts
}

/// The English sentences of the rules (four words or more) that their
/// Spanish text does not keep as they are: a bibliographic title stays in
/// its own language, a sentence meant for the reader does not.
fn english_sentences() -> BTreeSet<String> {
    let english = Rules::builtin().expect("the rules load");
    let spanish = Rules::builtin_in(Language::Es).expect("the Spanish rules load");
    let kept = rules_texts(&spanish).join("\n");
    let mut sentences = BTreeSet::new();
    for text in rules_texts(&english) {
        for line in text.lines() {
            for sentence in line.split(". ") {
                let sentence = sentence
                    .trim()
                    .trim_start_matches("- ")
                    .trim_end_matches('.');
                if sentence.split_whitespace().count() >= 4 && !kept.contains(sentence) {
                    sentences.insert(sentence.to_string());
                }
            }
        }
    }
    sentences
}

/// The program's own English messages of two words or more that read
/// differently in Spanish.
///
/// A message with variables is cut at them (Fluent writes a variable it
/// was not given as `{$name}`), and each piece of three words or more
/// counts on its own.
fn english_messages() -> Vec<String> {
    let mut pieces = Vec::new();
    for id in i18n::message_ids(Language::En) {
        let (Some(en), Some(es)) = (
            i18n::lookup(Language::En, &id, &[]),
            i18n::lookup(Language::Es, &id, &[]),
        ) else {
            continue;
        };
        if !en.contains('{') {
            if en != es && en.split_whitespace().count() >= 2 {
                pieces.push(en);
            }
            continue;
        }
        for piece in en.split(['{', '}']) {
            let piece = piece.trim();
            if piece.starts_with('$') || piece.split_whitespace().count() < 3 || es.contains(piece)
            {
                continue;
            }
            pieces.push(piece.to_string());
        }
    }
    pieces
}

/// Whether `phrase` is in `text` as whole words: "a list" is not in "una
/// lista".
fn contains_phrase(text: &str, phrase: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric();
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(|c| is_word(c) && phrase.starts_with(is_word))
            && !after.is_some_and(|c| is_word(c) && phrase.ends_with(is_word))
    })
}

/// `id = text` entries of a Fluent file, with their continuation lines.
fn ftl_entries(text: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let starts_entry = line
            .split_once(" =")
            .filter(|(id, _)| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
            .filter(|_| !line.starts_with([' ', '#']));
        match (starts_entry, entries.last_mut()) {
            (Some((id, rest)), _) => entries.push((id.to_string(), rest.to_string())),
            (None, Some((_, body))) if !line.starts_with('#') => {
                body.push('\n');
                body.push_str(line);
            }
            _ => {}
        }
    }
    entries
}

/// The `$variables` a Fluent message uses.
fn variables(body: &str) -> BTreeSet<String> {
    body.split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

/// Each Spanish message uses the variables of its English one (a misspelt
/// variable would be shown to the person as `{$name}`), and gives the same
/// numbers (the accepted readings, 30-45 °C), perhaps more.
#[test]
fn spanish_messages_use_the_english_variables() {
    let read = |language: &str| -> Vec<(String, String)> {
        let dir = project_file(&format!("src/i18n/{language}"));
        let mut entries = Vec::new();
        for file in std::fs::read_dir(&dir).expect("the folder") {
            let text = std::fs::read_to_string(file.expect("an entry").path()).expect("readable");
            entries.extend(ftl_entries(&text));
        }
        entries
    };
    let english: std::collections::BTreeMap<String, String> = read("en").into_iter().collect();
    let spanish = read("es");
    assert!(spanish.len() > 300, "{} Spanish messages", spanish.len());
    let mut checked = 0;
    for (id, body) in &spanish {
        if let Some(en) = english.get(id) {
            assert_eq!(variables(body), variables(en), "{id}");
            // A plural form may add one ("1 evaluación").
            let spanish_numbers = numbers(body);
            let missing: Vec<String> = numbers(en)
                .into_iter()
                .filter(|n| !spanish_numbers.contains(n))
                .collect();
            assert!(
                missing.is_empty(),
                "{id}: {missing:?} missing:\n{en}\n{body}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, english.len());
}

/// Only the sources keep English text: every other text of the rules has
/// its own Spanish.
#[test]
fn only_sources_keep_their_english() {
    let english = Rules::builtin().expect("the rules load");
    let spanish = Rules::builtin_in(Language::Es).expect("the Spanish rules load");
    let sources: BTreeSet<&str> = english.sources.iter().map(|s| s.text.as_str()).collect();
    let (en, es) = (rules_texts(&english), rules_texts(&spanish));
    assert_eq!(en.len(), es.len());
    let unchanged: Vec<&String> = en
        .iter()
        .zip(&es)
        .filter(|(a, b)| a == b && !sources.contains(a.as_str()))
        // A word the same in both languages ("No", "mmHg").
        .filter(|(a, _)| a.split_whitespace().count() > 1)
        .map(|(a, _)| a)
        .collect();
    assert!(unchanged.is_empty(), "left in English: {unchanged:#?}");
}

/// The numbers a text gives (`38.0`, `38,0`, `24`), as written with a
/// point.
fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let decimal = matches!(c, '.' | ',')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            current.push(c);
        } else if decimal {
            current.push('.');
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found.sort();
    found
}

/// Every number of every text (a temperature, a time, a count) is in its
/// Spanish text too: a translation must not change a threshold the person
/// reads.
#[test]
fn spanish_texts_keep_every_number() {
    let english = Rules::builtin().expect("the rules load");
    let spanish = Rules::builtin_in(Language::Es).expect("the Spanish rules load");
    let (en, es) = (rules_texts(&english), rules_texts(&spanish));
    assert_eq!(en.len(), es.len());
    let differ: Vec<String> = en
        .iter()
        .zip(&es)
        .filter(|(a, b)| numbers(a) != numbers(b))
        .map(|(a, b)| format!("{a}\n  {b}\n  {:?} != {:?}", numbers(a), numbers(b)))
        .collect();
    assert!(
        differ.is_empty(),
        "{} texts:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

/// Every case of the rules, as a parent (text) and as a consultant (the
/// chart note), in Spanish: no English sentence of the rules and no English
/// message of the program appears. The cases reach every outcome.
#[test]
fn no_english_sentence_in_a_spanish_result() {
    let rules = Rules::builtin().expect("the rules load");
    let cases =
        lactriage::analysis::cases::parse_cases(lactriage::rules::BUILTIN_CASES, "cases", true)
            .expect("the cases parse");
    let sentences = english_sentences();
    assert!(sentences.len() > 300, "only {} sentences", sentences.len());
    let messages = english_messages();
    assert!(messages.len() > 60, "only {} messages", messages.len());
    let mut outcomes = BTreeSet::new();
    let dir = std::env::temp_dir().join(format!("lactriage-spanish-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for (i, case) in cases.iter().enumerate() {
        // The cases of refused readings have no result to read.
        let mut answers = lactriage::answers::Answers::new();
        if case
            .answers
            .iter()
            .any(|(id, raw)| answers.insert(&rules, id, raw).is_err())
        {
            continue;
        }
        let assessment = lactriage::engine::assess(&rules, &answers)
            .unwrap_or_else(|_| panic!("case '{}' has a result", case.name));
        outcomes.insert(assessment.outcome_id.to_string());
        let file = dir.join(format!("{i}.json"));
        let json: serde_json::Map<String, serde_json::Value> = answers
            .iter()
            .map(|(id, a)| (id.to_string(), a.to_json()))
            .collect();
        std::fs::write(&file, serde_json::Value::Object(json).to_string()).expect("written");
        for args in [
            &["--format", "text"][..],
            &["--format", "markdown", "--audience", "consultant"][..],
        ] {
            let ran = Test::new()
                .args(["assess", "--lang", "es", "--no-input", "--answers"])
                .arg_path(&file)
                .args(args)
                .status(0);
            let out = ran.stdout();
            for english in sentences.iter().chain(&messages) {
                assert!(
                    !contains_phrase(&out, english),
                    "case '{}' {args:?}: English {english:?} in:\n{out}",
                    case.name
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    let all: BTreeSet<String> = rules
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, lactriage::rules::NodeKind::Outcome(_)))
        .map(|n| n.id.clone())
        .collect();
    let missed: Vec<_> = all.difference(&outcomes).collect();
    assert!(missed.is_empty(), "outcomes no case reaches: {missed:?}");
}

/// Answers typed in Spanish give the same result as in English.
#[test]
fn spanish_answers_are_understood() {
    let english = Test::new()
        .args(["--format", "json"])
        .baseline_with(&[
            ("lump", "yes"),
            ("temperature", "38.5"),
            ("recent_fever", "unsure"),
            ("duration_hours", "48"),
        ])
        .status(0)
        .json();
    let spanish = Test::new()
        .args(["--format", "json", "--lang", "es"])
        .baseline_with(&[
            ("lump", "Sí"),
            ("temperature", "38,5"),
            ("recent_fever", "no sé"),
            ("duration_hours", "2 días"),
        ])
        .status(0)
        .json();
    for key in ["urgency", "condition", "outcome"] {
        assert_eq!(english[key], spanish[key], "{key}");
    }
    let answers = |v: &serde_json::Value| v["answers"].clone();
    assert_eq!(answers(&english), answers(&spanish));
    // Each spelling records the answer its English one does.
    for (id, spanish, english) in [
        ("lump", "si", "yes"),
        ("recent_fever", "No lo sé", "unsure"),
        ("recent_fever", "NO SE", "unsure"),
        ("duration_hours", "1 semana", "168"),
        ("duration_hours", "una semana", "168"),
        ("duration_hours", "36 horas", "36"),
        ("duration_hours", "3 dias", "72"),
        ("duration_hours", "un día", "24"),
        ("temperature", "38,6 grados", "38.6"),
    ] {
        let run = |value: &str| {
            Test::new()
                .args(["--format", "json"])
                .baseline_with(&[(id, value)])
                .status(0)
                .json()["answers"][id]
                .clone()
        };
        assert_eq!(run(spanish), run(english), "{id} = {spanish}");
    }
}

/// JSON keeps its ids and values; only the words a person reads change.
#[test]
fn json_ids_stay_and_labels_are_spanish() {
    let run = |lang: &str| {
        Test::new()
            .args(["--format", "json", "--lang", lang])
            .baseline_with(&[("temperature", "38.6")])
            .status(0)
            .json()
    };
    let (en, es) = (run("en"), run("es"));
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v.as_object().expect("an object").keys().cloned().collect()
    };
    assert_eq!(keys(&en), keys(&es));
    for key in ["urgency", "condition", "outcome", "answers", "rules"] {
        assert_eq!(en[key], es[key], "{key} differs");
    }
    assert_ne!(en["urgency_label"], es["urgency_label"]);
    let label = es["urgency_label"].as_str().expect("a label");
    assert!(
        label.contains("Contacte") || label.contains("HOY"),
        "{label}"
    );
}

/// `LANG` or `LC_ALL` naming Spanish gives Spanish; `LC_ALL` wins over
/// `LANG`, and `--lang` over both.
#[test]
fn the_locale_chooses_the_language() {
    let spanish_label = "Cuidados en casa";
    let english_label = "Self-care at home";
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut test = Test::new().args(args).baseline_with(&[]);
        for (k, v) in env {
            test = test.env(k, v);
        }
        test.status(0).stdout()
    };
    assert!(run(&[("LANG", "es_MX.UTF-8")], &[]).contains(spanish_label));
    assert!(run(&[("LC_ALL", "es_AR.UTF-8")], &[]).contains(spanish_label));
    assert!(
        run(&[("LANG", "es_ES.UTF-8"), ("LC_ALL", "en_US.UTF-8")], &[]).contains(english_label)
    );
    assert!(run(&[("LANG", "es_MX.UTF-8")], &["--lang", "en"]).contains(english_label));
    assert!(run(&[("LANG", "fr_FR.UTF-8")], &[]).contains(english_label));
    assert!(run(&[], &["--lang=es"]).contains(spanish_label));
}

/// The chart note in Spanish: its headings and the rules' clinical words.
#[test]
fn chart_note_and_questions_in_spanish() {
    let note = Test::new()
        .args([
            "--lang",
            "es",
            "--format",
            "markdown",
            "--audience",
            "consultant",
        ])
        .baseline_with(&[("temperature", "38.6")])
        .status(0)
        .stdout();
    assert!(note.starts_with("# "), "{note}");
    assert!(note.contains("Hallazgos"), "{note}");
    assert!(!note.contains("## Findings"), "{note}");
    assert!(!note.contains("Lactation triage"), "{note}");
    let questions = Test::new()
        .args(["questions", "--lang", "es"])
        .status(0)
        .stdout();
    // Before the subcommand too.
    let before = Test::new()
        .args(["--lang", "es", "questions"])
        .status(0)
        .stdout();
    assert_eq!(questions, before);
    assert!(
        questions.contains("¿Hay en el pecho una zona adolorida"),
        "{questions}"
    );
    assert!(!questions.contains("Is there a tender spot"), "{questions}");
    // Ids and what is typed stay.
    assert!(questions.contains("temperature"), "{questions}");
    assert!(questions.contains("not_measured"), "{questions}");
}

/// `--help` in Spanish, where clap allows: descriptions and headings.
#[test]
fn help_in_spanish() {
    let help = Test::new()
        .args(["--lang", "es", "--help"])
        .status(0)
        .stdout();
    assert!(help.contains("Uso:"), "{help}");
    assert!(help.contains("Opciones:"), "{help}");
    assert!(help.contains("Comandos:"), "{help}");
    assert!(!help.contains("Options:"), "{help}");
    assert!(!help.contains("Print help"), "{help}");
    assert!(!help.contains("Print this message"), "{help}");
    assert!(help.contains("Muestra esta ayuda"), "{help}");
    assert!(!help.contains("How to print the result"), "{help}");
    let sub = Test::new()
        .args(["history", "--help"])
        .env("LANG", "es_MX.UTF-8")
        .status(0)
        .stdout();
    assert!(sub.contains("Opciones:"), "{sub}");
    // clap's own "Possible values" and "default", in Spanish too.
    let format = Test::new()
        .args(["--lang", "es", "assess", "--help"])
        .status(0)
        .stdout();
    assert!(format.contains("Valores posibles:"), "{format}");
    assert!(format.contains("[predeterminado: text]"), "{format}");
    assert!(
        format.contains("- markdown: Una nota para guardar o pegar"),
        "{format}"
    );
    assert!(!format.contains("Possible values"), "{format}");
    // Usage errors: the common ones in Spanish, from clap's parts.
    Test::new()
        .args(["--lang", "es", "--audiense", "x"])
        .status(2)
        .stderr_has("argumento inesperado '--audiense'")
        .stderr_has("sugerencia: existe un argumento parecido: '--audience'")
        .stderr_has("Uso: lactriage --audience <AUDIENCE>")
        .stderr_has("Para más información, pruebe '--help'.");
    Test::new()
        .args(["--lang", "es", "assess", "--format", "xml"])
        .status(2)
        .stderr_has("valor no válido 'xml' para '--format <FORMAT>'")
        .stderr_has("[valores posibles: text, json, markdown]");
    // A language it does not speak is a usage error that lists them.
    Test::new()
        .args(["--lang", "fr", "questions"])
        .status(2)
        .stderr_has("[possible values: en, es]");
}

/// Every description of the command line, and every message of the
/// program, has its Spanish; and no Spanish message is left without an
/// English one.
#[test]
fn every_message_has_its_spanish() {
    for language in Language::ALL {
        assert_eq!(
            i18n::parse_errors(language),
            Vec::<String>::new(),
            "{language:?}"
        );
    }
    for language in Language::ALL {
        let ids = i18n::message_ids(language);
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(
            ids.len(),
            unique.len(),
            "an id is in two files: {language:?}"
        );
    }
    let en: BTreeSet<String> = i18n::message_ids(Language::En).into_iter().collect();
    let es: BTreeSet<String> = i18n::message_ids(Language::Es).into_iter().collect();
    let cli: BTreeSet<String> = lactriage::cli::help_texts()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let missing: Vec<_> = en.union(&cli).filter(|id| !es.contains(*id)).collect();
    assert!(missing.is_empty(), "no Spanish for {missing:?}");
    let extra: Vec<_> = es
        .iter()
        // English `--help` and usage errors are clap's own.
        .filter(|id| {
            !en.contains(*id)
                && !cli.contains(*id)
                && !id.starts_with("cli-")
                && !id.starts_with("clap-")
        })
        .collect();
    assert!(extra.is_empty(), "Spanish only: {extra:?}");
}

/// Every `t!("id")` in the source names a message of the English file.
#[test]
fn every_message_used_exists() {
    let en: BTreeSet<String> = i18n::message_ids(Language::En).into_iter().collect();
    let mut unknown = Vec::new();
    let mut used = 0;
    let mut files = vec![project_file("src")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("a readable folder") {
                files.push(entry.expect("an entry").path());
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        for (at, _) in text.match_indices("t!(") {
            // `t!`, not `format!` or `print!`, and not in a comment.
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                || text[line_start..at].trim_start().starts_with("//")
            {
                continue;
            }
            // The id, on the same line or the next (as rustfmt wraps it).
            let Some(rest) = text[at + 3..].trim_start().strip_prefix('"') else {
                continue;
            };
            let id = &rest[..rest.find('"').unwrap_or(0)];
            used += 1;
            if !en.contains(id) {
                unknown.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(unknown.is_empty(), "no such message: {unknown:?}");
    assert!(used > 200, "found only {used} uses of t!");
}

/// A folder holding a copy of the default rules as `r.toml`, with their
/// cases beside them (so that every hazard is controlled and only the
/// translation can fail a check), and the Spanish translation's text.
fn rules_copy(name: &str) -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("lactriage-es-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for (from, to) in [
        ("rules/mastitis-spectrum.toml", "r.toml"),
        ("rules/mastitis-spectrum.cases.toml", "r.cases.toml"),
    ] {
        std::fs::copy(project_file(from), dir.join(to)).expect("copied");
    }
    let spanish =
        std::fs::read_to_string(project_file("rules/mastitis-spectrum.es.toml")).expect("es");
    (dir, spanish)
}

/// The Spanish translation beside a copy of the rules is checked by
/// `rules check`, and refused, at its line, when it misses a text, names
/// an id the rules lack, breaks a quote, or was made for other rules.
#[test]
fn rules_check_refuses_a_translation_that_does_not_match() {
    let (dir, spanish) = rules_copy("check");
    let rules_path = dir.join("r.toml");
    let check = |translation: &str| {
        std::fs::write(dir.join("r.es.toml"), translation).expect("written");
        Test::new()
            .args(["rules", "check"])
            .arg_path(&rules_path)
            .run()
    };
    let ok = check(&spanish).status(0);
    assert!(ok.stdout().contains("Translation 'es'"), "{}", ok.stdout());
    // Used by assess beside the same rules.
    Test::new()
        .args(["--lang", "es", "--rules"])
        .arg_path(&rules_path)
        .baseline_with(&[])
        .status(0)
        .stdout_has("Cuidados en casa");

    let line_of = |needle: &str| {
        spanish[..spanish.find(needle).expect("present")]
            .lines()
            .count()
            + 1
    };
    let cases: Vec<(String, String)> = vec![
        (
            spanish.replacen("[question.lump]\n", "[question.lumps]\n", 1),
            "[question.lump] is missing".to_string(),
        ),
        (
            spanish.replacen("[question.lump]\n", "[question.lumps]\n", 1),
            format!(":{}:", line_of("[question.lump]\n")),
        ),
        (
            spanish.replacen(
                "[outcome.emergency_heart_rate]\n",
                "[outcome.emergency_heart_rat]\n",
                1,
            ),
            "no outcome 'emergency_heart_rat'".to_string(),
        ),
        (
            spanish.replacen("{heart_rate}", "{heartrate}", 1),
            "keep the same {question_id} quotes".to_string(),
        ),
        (
            spanish.replacen("{heart_rate}", "{heart_rate", 1),
            "has a '{' that is not closed".to_string(),
        ),
        (
            spanish.replacen("\">0-48\" =", "\"0-48\" =", 1),
            "no label for the preset \">0-48\"".to_string(),
        ),
        (
            spanish.replacen("\">0-48\" =", "\"0-48\" =", 1),
            "no preset value of question 'antibiotics_hours'".to_string(),
        ),
        (
            spanish.replacen(
                "[question.redness.choices.streaks]",
                "[question.redness.choices.streak]",
                1,
            ),
            "[question.redness.choices.streaks] is missing".to_string(),
        ),
        (
            spanish.replacen("version = \"2.3.0\"", "version = \"2.2.0\"", 1),
            "this translation is of version 2.2.0".to_string(),
        ),
        (
            {
                let digest = crate::harness::builtin_digest();
                spanish.replacen(&digest, &"0".repeat(64), 1)
            },
            "made for other text of the rules".to_string(),
        ),
        (
            spanish.replacen("language = \"es\"", "language = \"pt\"", 1),
            "into 'pt'".to_string(),
        ),
    ];
    for (translation, expected) in &cases {
        let refused = check(translation).status(1);
        let out = refused.stdout();
        assert!(out.contains("Translation 'es' refused"), "{out}");
        assert!(
            out.contains(expected.as_str()),
            "expected {expected:?} in:\n{out}"
        );
        // A refused translation is never used: assess stops, with why.
        Test::new()
            .args(["--lang", "es", "--rules"])
            .arg_path(&rules_path)
            .baseline_with(&[])
            .status(2)
            .stderr_has("r.es.toml");
    }
    // Rules with no translation beside them are shown in their own words,
    // with a notice.
    std::fs::remove_file(dir.join("r.es.toml")).expect("removed");
    Test::new()
        .args(["--lang", "es", "--rules"])
        .arg_path(&rules_path)
        .baseline_with(&[])
        .status(0)
        .stdout_has("Self-care at home")
        .stderr_has("r.es.toml");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A list item missing from a list is refused with the count.
#[test]
fn a_list_with_an_item_missing_is_refused() {
    let (dir, spanish) = rules_copy("list");
    // The first item of the first list, cut out.
    let start = spanish.find("self_care = [\n").expect("the list") + "self_care = [\n".len();
    let end = start + spanish[start..].find('\n').expect("a line") + 1;
    let cut = format!("{}{}", &spanish[..start], &spanish[end..]);
    std::fs::write(dir.join("r.es.toml"), cut).expect("written");
    Test::new()
        .args(["rules", "check"])
        .arg_path(&dir.join("r.toml"))
        .status(1)
        .stdout_has("has 9 item(s); the rules have 10");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The answers a Spanish speaker types at the plain prompt.
#[test]
fn plain_prompt_in_spanish() {
    let answers: String = [
        "no", "no", "No sé", "1", "sí", "1", "Sí", "38,6", "2 días", "2", "no", "no",
    ]
    .iter()
    .map(|a| format!("{a}\n"))
    .collect();
    let ran = Test::new()
        .args(["--lang", "es", "--plain"])
        .stdin(answers)
        .status(0);
    let shown = ran.stderr();
    assert!(
        shown.contains("¿Tiene ahora mismo alguna de estas señales?"),
        "{shown}"
    );
    assert!(
        shown.contains("pus (Escriba del 1 al 3, o «atrás»): No sé"),
        "{shown}"
    );
    let out = ran.stdout();
    // "No sé" on a soft lump or pus counts as yes: a possible abscess.
    assert!(out.contains("Posible absceso"), "{out}");
    assert!(
        out.contains("Bulto blando o pus: no sé (se cuenta como sí)"),
        "{out}"
    );
    assert!(!out.contains("Most likely"), "{out}");
}
