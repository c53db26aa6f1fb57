//! The integration suite: one binary, one module per concern.

mod bad_input;
mod batch;
mod batch_fast;
mod compiled;
mod examples;
mod harness;
mod history;
mod output;
mod plain;
mod prover;
mod pty;
mod readme;
mod robust;
mod rules_cmd;
mod safety_case;
mod screen;
mod session;
mod spanish;
mod spec;
