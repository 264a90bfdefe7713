//! Writes the generated clusters' results files the council's flows and
//! benchmark receive: `council_files <dir> <count> [--duplicate]`.

use std::process::ExitCode;

use thidua_core::sample::council_sample_files;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: council_files <dir> <count> [--duplicate]");
        return ExitCode::FAILURE;
    };
    let duplicate = args.iter().any(|a| a == "--duplicate");
    let files = match council_sample_files(count, duplicate, "2024-10-05T09:00:00Z") {
        Ok(files) => files,
        Err(e) => {
            eprintln!("could not build the clusters: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("could not create {dir}: {e}");
        return ExitCode::FAILURE;
    }
    for (name, text) in files {
        let path = std::path::Path::new(dir).join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("could not write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
