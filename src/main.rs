//! `tiepdan`: the command line over the core's use cases, for IT staff, scripts and tests.
//! Messages are Vietnamese; failures exit non-zero with the reason on standard error.

mod args;
mod data;
mod reporting;
mod signin;

use std::process::ExitCode;

use clap::Parser;
use tiepdan_core::{Ctx, Desk, Error, datadir};

use args::{AuditAction, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Import { file } = &cli.command {
        return data::import(cli.data.clone(), file);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The signed-in officer's context for a use case started now.
fn ctx(desk: &Desk) -> Ctx {
    tiepdan_core::edge::ctx(desk, "dòng lệnh")
}

fn run(cli: Cli) -> Result<(), Error> {
    let root = datadir::resolve(cli.data, None, datadir::program_dir().as_deref());
    match cli.command {
        Command::Init(args) => data::init(&root, args),
        Command::Check => data::check(&root),
        Command::Backup { to } => data::backup(&root, to),
        Command::Restore { file } => data::restore(&root, file),
        Command::Import { .. } => unreachable!("handled by data::import"),
        Command::MergeCitizens {
            keep,
            merge,
            reason,
        } => data::merge_citizens(&root, keep, merge, reason),
        Command::Export {
            out,
            today,
            redact,
            reason,
        } => data::export(&root, out, today, redact, reason),
        Command::Account { action } => signin::account(&root, action),
        Command::Audit {
            action: AuditAction::Verify { head },
        } => data::audit_verify(&root, head),
        Command::Schedule {
            from,
            to,
            format,
            host,
            out,
        } => reporting::schedule(&root, from, to, format, host, out),
        Command::Report {
            template,
            from,
            to,
            format,
            out,
        } => reporting::report(&root, template, from, to, format, out),
    }
}
