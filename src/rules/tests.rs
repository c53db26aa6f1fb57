//! The loader refuses every kind of broken rules file with a position.

use super::{Rules, RulesError};

const BASE: &str = include_str!("../../examples/custom-rules.toml");

fn refuse(text: &str) -> RulesError {
    match Rules::parse(text, "test.toml") {
        Ok(_) => panic!("the broken rules loaded:\n{text}"),
        Err(e) => e,
    }
}

/// Replaces `from` (which must occur once) and returns the new text and the
/// 1-based line where the replacement starts.
fn edit(from: &str, to: &str) -> (String, usize) {
    assert_eq!(BASE.matches(from).count(), 1, "{from:?} occurs once");
    let at = BASE.find(from).expect("present");
    let line = BASE[..at].matches('\n').count() + 1;
    (BASE.replacen(from, to, 1), line)
}

fn assert_problem(e: &RulesError, line: usize, message: &str) {
    assert!(
        e.problems
            .iter()
            .any(|p| p.line == line && p.message.contains(message)),
        "no problem at line {line} containing {message:?}:\n{e}"
    );
}

#[test]
fn the_base_file_loads() {
    let rules = Rules::parse(BASE, "test.toml").expect("loads");
    assert_eq!(rules.name, "example-screen");
}

#[test]
fn toml_syntax() {
    let (text, line) = edit("start = \"screen_sepsis\"", "start = \"screen_sepsis");
    let e = refuse(&text);
    assert_eq!(e.problems.len(), 1);
    assert_eq!(e.problems[0].line, line);
    assert!(e
        .to_string()
        .starts_with("the rules file test.toml cannot be used (1 problem):\n  test.toml:"));
}

#[test]
fn unknown_keys() {
    let (text, line) = edit("ask = \"lump\"", "ask = \"lump\"\ncolour = \"red\"");
    let e = refuse(&text);
    assert_eq!(e.problems[0].line, line + 1);
    assert!(
        e.problems[0].message.contains("unknown field `colour`"),
        "{e}"
    );
}

#[test]
fn duplicate_ids() {
    let (text, line) = edit(
        "id = \"lump\"\nlabel = \"Lump\"",
        "id = \"temperature\"\nlabel = \"Lump\"",
    );
    let e = refuse(&text);
    assert_problem(&e, line, "duplicate question id 'temperature'");
    let (text, line) = edit("id = \"nothing_found\"", "id = \"self_care\"");
    assert_problem(&refuse(&text), line, "duplicate node id 'self_care'");
}

#[test]
fn a_branch_that_points_to_no_node() {
    let (text, line) = edit("no = \"nothing_found\"", "no = \"nothing_fund\"");
    let e = refuse(&text);
    assert_problem(&e, line, "branch points to 'nothing_fund', which is neither a step nor an outcome; did you mean 'nothing_found'?");
    assert_eq!(e.problems[0].column, 6);
}

#[test]
fn a_node_nobody_reaches() {
    let (text, line) = edit("no = \"nothing_found\"", "no = \"self_care\"");
    let outcome_line = text
        .lines()
        .position(|l| l == "id = \"nothing_found\"")
        .expect("present")
        + 1;
    assert!(outcome_line > line);
    assert_problem(
        &refuse(&text),
        outcome_line,
        "node 'nothing_found' is never reached from the start",
    );
}

#[test]
fn a_cycle() {
    let (text, line) = edit("no = \"nothing_found\"", "no = \"fever\"");
    let e = refuse(&text);
    assert_problem(&e, line - 3, "cycle: step 'lump' leads back to 'fever'");
}

#[test]
fn a_question_used_but_not_declared() {
    let (text, line) = edit("ask = \"lump\"", "ask = \"lumpp\"");
    assert_problem(
        &refuse(&text),
        line,
        "step 'lump' asks 'lumpp', which is not a declared question; did you mean 'lump'?",
    );
}

#[test]
fn numeric_ranges_with_a_gap_or_an_overlap() {
    let (text, line) = edit(
        "{ below = 38.0, next = \"lump\" }",
        "{ below = 37.5, next = \"lump\" }",
    );
    assert_problem(
        &refuse(&text),
        line + 1,
        "gap in the ranges: nothing covers values between 37.5 and 38",
    );
    let (text, line) = edit(
        "{ below = 38.0, next = \"lump\" }",
        "{ at_most = 38.0, next = \"lump\" }",
    );
    assert_problem(&refuse(&text), line + 1, "ranges overlap around 38");
    let (text, line) = edit(
        "{ at_least = 38.0, next = \"see_today\" }",
        "{ at_least = 38.0, below = 42, next = \"see_today\" }",
    );
    assert_problem(
        &refuse(&text),
        line,
        "no range covers values above 42 (accepted values go up to 45)",
    );
}

#[test]
fn a_temperature_step_needs_a_not_measured_branch() {
    let (text, line) = edit("not_measured = \"lump\"\n", "");
    assert_problem(&refuse(&text), line - 1 - 1, "needs 'not_measured'");
}

#[test]
fn an_outcome_missing_a_required_text() {
    let (text, _) = edit("why = \"No lump and no fever.\"\n", "");
    assert!(refuse(&text).problems[0]
        .message
        .contains("missing field `why`"));
    let (text, line) = edit("why = \"No lump and no fever.\"", "why = \"  \"");
    assert_problem(&refuse(&text), line, "an outcome's why must not be empty");
    let (text, line) = edit("title = \"Nothing found\"", "title = \"\"");
    assert_problem(
        &refuse(&text),
        line,
        "a condition's title must not be empty",
    );
}

#[test]
fn an_unknown_urgency() {
    let (text, line) = edit("urgency = \"today\"", "urgency = \"tomorrow\"");
    let e = refuse(&text);
    assert_eq!(e.problems[0].line, line);
    assert!(
        e.problems[0].message.contains("unknown variant `tomorrow`"),
        "{e}"
    );
    assert!(
        e.problems[0].message.contains("within_24h"),
        "lists the accepted levels: {e}"
    );
}

#[test]
fn a_question_asked_twice_on_a_path() {
    let (text, line) = edit("ask = \"lump\"", "ask = \"sepsis_signs\"");
    assert_problem(
        &refuse(&text),
        line - 1,
        "asks 'sepsis_signs', which an earlier step on some path already asked",
    );
}

#[test]
fn branches_that_do_not_fit_the_question() {
    let (text, line) = edit("yes = \"self_care\"", "on = { yes = \"self_care\" }");
    let e = refuse(&text);
    assert_problem(&e, line, "does not branch with 'on'");
    assert_problem(&e, line - 2, "needs 'yes'");
}

#[test]
fn results_below_today_must_repeat_warning_signs() {
    let (text, line) = edit(
        "contact = \"This can usually be managed at home.\"\nwatch_for = [\"warning_signs\"]",
        "contact = \"This can usually be managed at home.\"\nwatch_for = []",
    );
    assert_problem(
        &refuse(&text),
        line + 1,
        "urgency 'self_care' must list warning signs",
    );
}

#[test]
fn references_to_unknown_lists_and_sources() {
    let (text, line) = edit(
        "summary = \"No warning signs, no fever and no lump.\"\nadvice = [\"care\"]",
        "summary = \"No warning signs, no fever and no lump.\"\nadvice = [\"cares\"]",
    );
    assert_problem(
        &refuse(&text),
        line + 1,
        "no list named 'cares' in [lists]; did you mean 'care'?",
    );
}

#[test]
fn a_range_preset_must_not_straddle_a_threshold() {
    let rules = crate::rules::BUILTIN_RULES.replacen(
        "{ label = \"1 to 3 days\", from = 24, to = 72 },",
        "{ label = \"1 to 3 days\", from = 20, to = 72 },",
        1,
    );
    let e = refuse(&rules);
    assert!(
        e.to_string()
            .contains("preset '1 to 3 days' of question 'duration_hours' spans the threshold 24"),
        "{e}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let (text, _) = edit("no = \"nothing_found\"", "no = \"nothing_fund\"");
    let text = text.replacen("condition = \"no_signs\"", "condition = \"no_sign\"", 1);
    let e = refuse(&text);
    assert_eq!(e.problems.len(), 2, "{e}");
    assert!(
        e.problems[1].message.contains("names condition 'no_sign'"),
        "{e}"
    );
}

#[test]
fn intake_questions_and_contributors_are_checked() {
    let intake = "\n[[question]]\nid = \"note\"\nlabel = \"Note\"\nkind = \"text\"\nintake = true\nparent = \"Anything else?\"\n";
    let (text, line) = edit("ask = \"lump\"", "ask = \"note\"");
    let e = refuse(&format!("{text}{intake}"));
    assert_problem(
        &e,
        line,
        "asks 'note', an intake question (intake = true), which the tree must not use",
    );

    let free =
        "\n[[question]]\nid = \"words\"\nlabel = \"Words\"\nkind = \"text\"\nparent = \"Say it\"\n";
    let e = refuse(&format!("{BASE}{free}"));
    assert!(
        e.to_string().contains("free text is for intake questions"),
        "{e}"
    );

    let contributor = "\n[[contributor]]\nwhen = { lumpp = [\"yes\"] }\ntext = \"A lump.\"\nsources = [\"abm36\"]\n";
    let e = refuse(&format!("{BASE}{contributor}"));
    assert!(
        e.to_string()
            .contains("names question 'lumpp', which is not declared; did you mean 'lump'?"),
        "{e}"
    );
    let contributor = "\n[[contributor]]\nwhen = { lump = [\"yes\"] }\ntext = \"A lump.\"\nsources = [\"abm37\"]\n";
    let e = refuse(&format!("{BASE}{contributor}"));
    assert!(e.to_string().contains("no source with id 'abm37'"), "{e}");
}

#[test]
fn a_why_may_quote_only_an_answer_every_path_to_it_asks() {
    // `see_today` is reached only through the temperature step.
    let (text, _) = edit(
        "why = \"You have a fever of 38.0 °C or more.\"",
        "why = \"A temperature of {temperature}.\"",
    );
    Rules::parse(&text, "test.toml").expect("every path to see_today asks temperature");

    // `self_care` can be reached without a reading (not measured goes on to
    // the lump), but not without the lump question; the sepsis answer is
    // asked on every path, an unknown id on none.
    for (quote, message) in [
        ("{lump}", ""),
        ("{sepsis_signs}", ""),
        (
            "{redness}",
            "outcome 'self_care' quotes {redness}, which is not a declared question",
        ),
        ("{lump", "a '{' without its '}'"),
    ] {
        let (text, line) = edit(
            "why = \"A lump without fever.\"",
            &format!("why = \"A lump {quote}.\""),
        );
        match Rules::parse(&text, "test.toml") {
            Ok(_) => assert!(message.is_empty(), "{quote} loaded"),
            Err(e) => assert_problem(&e, line, message),
        }
    }
    let (text, _) = edit(
        "why = \"No lump and no fever.\"",
        "why = \"No lump, temperature {temperature}.\"",
    );
    Rules::parse(&text, "test.toml").expect("nothing_found is reached through the temperature");
    let (text, line) = edit(
        "why = \"You reported a warning sign of sepsis.\"",
        "why = \"Sepsis at {temperature}.\"",
    );
    assert_problem(
        &refuse(&text),
        line,
        "outcome 'emergency' quotes {temperature}, but not every path to it asks 'temperature'",
    );
}

#[test]
fn a_condition_names_whom_to_contact_at_each_level_it_reaches_and_no_other() {
    let (text, line) = edit(
        "summary = \"A fever with breast symptoms needs a provider today.\"",
        "summary = \"A fever with breast symptoms needs a provider today.\"\ncontact = { today = \"See a doctor today.\" }",
    );
    Rules::parse(&text, "test.toml").expect("mastitis is only at today");

    let (text, _) = edit(
        "summary = \"A fever with breast symptoms needs a provider today.\"",
        "summary = \"A fever with breast symptoms needs a provider today.\"\ncontact = { within_days = \"See a doctor soon.\" }",
    );
    let e = refuse(&text);
    assert_problem(
        &e,
        line + 1,
        "condition 'mastitis' has contact text for 'within_days', but none of its outcomes is at 'within_days'",
    );
    assert!(
        e.to_string()
            .contains("outcome 'see_today' is at 'today', but condition 'mastitis' has no contact text for 'today'"),
        "{e}"
    );
}

#[test]
fn a_result_below_today_must_say_what_to_avoid() {
    let (text, _) = edit(
        "summary = \"A tender lump without fever is most often ductal narrowing.\"\nadvice = [\"care\"]\navoid = [\"avoid\"]",
        "summary = \"A tender lump without fever is most often ductal narrowing.\"\nadvice = [\"care\"]\navoid = []",
    );
    let e = refuse(&text);
    assert!(
        e.to_string().contains("outcome 'self_care' is below 'today', so condition 'ductal_narrowing' must list what to avoid"),
        "{e}"
    );
}

#[test]
fn whole_and_unsure_means_belong_to_their_kinds() {
    let (text, line) = edit(
        "parent = \"Is there a tender lump in the breast?\"",
        "parent = \"Is there a tender lump in the breast?\"\nwhole = true",
    );
    assert_problem(
        &refuse(&text),
        line + 1,
        "'whole' does not apply to a question of kind \"yes_no_unsure\" ('lump')",
    );
    let (text, _) = edit(
        "parent = \"Is there a tender lump in the breast?\"",
        "parent = \"Is there a tender lump in the breast?\"\nunsure_means = \"you were not sure, so this assumes a lump\"",
    );
    let rules = Rules::parse(&text, "test.toml").expect("loads");
    assert_eq!(
        rules
            .question("lump")
            .and_then(|q| q.unsure_means.as_deref()),
        Some("you were not sure, so this assumes a lump")
    );
}

/// The digest the build computed for the built-in rules is that of the text
/// compiled in, the same as any other file's.
#[test]
fn the_built_in_digest_is_the_digest_of_the_built_in_text() {
    let builtin = Rules::builtin().expect("the built-in rules load");
    let parsed = Rules::parse(super::BUILTIN_RULES, "copy.toml").expect("the same text loads");
    assert_eq!(builtin.digest, parsed.digest);
    assert_eq!(builtin.digest, super::BUILTIN_DIGEST);
    assert_eq!(builtin.digest.len(), 64);
}

/// A numeric step with no ranges once panicked (index out of bounds).
#[test]
fn a_numeric_step_without_ranges_is_refused_with_its_place() {
    let (text, line) = edit(
        "ranges = [\n  { below = 38.0, next = \"lump\" },\n  { at_least = 38.0, next = \"see_today\" },\n]",
        "ranges = []",
    );
    assert_problem(
        &refuse(&text),
        line,
        "step 'fever' (temperature): 'ranges' is empty; give at least one range",
    );
}

/// Two ranges without a lower bound were refused with "0 problems".
#[test]
fn two_ranges_without_a_lower_bound_have_their_own_message() {
    let (text, line) = edit(
        "  { at_least = 38.0, next = \"see_today\" },",
        "  { below = 39.0, next = \"see_today\" },",
    );
    let e = refuse(&text);
    assert!(!e.problems.is_empty());
    assert_problem(&e, line, "two ranges have no lower bound");
}
