//! The integration suite: one binary, one module per concern.

mod bad_input;
mod batch;
mod examples;
mod harness;
mod output;
mod pty;
mod readme;
mod rules_cmd;
mod spec;
