use std::io::{self, IsTerminal};

use lactriage::prompt::{install_interrupt_handler, TerminalPrompt};
use lactriage::{run, Streams, Terminal};

fn main() {
    let stdout = io::stdout();
    let terminal = Terminal {
        stdout_is_terminal: stdout.is_terminal(),
        stderr_is_terminal: io::stderr().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        width: console::Term::stdout()
            .size_checked()
            .map(|(_rows, cols)| usize::from(cols)),
    };
    // Ask only when a person can answer: input from a terminal, and a
    // terminal to show the questions on.
    let interactive = io::stdin().is_terminal() && terminal.stderr_is_terminal;
    let mut prompt = interactive.then(|| {
        install_interrupt_handler();
        TerminalPrompt::new()
    });
    let code = run(
        std::env::args_os(),
        &terminal,
        Streams {
            stdin: &mut io::stdin().lock(),
            stdout: &mut stdout.lock(),
            stderr: &mut io::stderr().lock(),
        },
        prompt
            .as_mut()
            .map(|p| p as &mut dyn lactriage::prompt::Prompt),
    );
    std::process::exit(code);
}
