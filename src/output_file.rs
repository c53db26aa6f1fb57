//! `--output FILE`: the result is written whole or not at all (a temporary
//! file beside the target, then a link or rename), readable by the owner
//! only, and an existing file is never replaced unless `--force` is given.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OutputFileError {
    #[error("'{}' exists already; give --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("cannot write '{}': {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// A result being written; it appears at its path only on [`commit`](Self::commit).
pub struct OutputFile {
    target: PathBuf,
    temp: TempPath,
    writer: BufWriter<File>,
    force: bool,
}

/// Removes the temporary file when dropped: after a failure, or once its
/// contents are linked into place.
struct TempPath(PathBuf);

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

impl OutputFile {
    pub fn create(target: &Path, force: bool) -> Result<OutputFile, OutputFileError> {
        if !force && target.exists() {
            return Err(OutputFileError::Exists(target.to_path_buf()));
        }
        let io_error = |source| OutputFileError::Io {
            path: target.to_path_buf(),
            source,
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".to_string());
        let mut attempt = 0u32;
        loop {
            let temp =
                target.with_file_name(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            match options.open(&temp) {
                Ok(file) => {
                    return Ok(OutputFile {
                        target: target.to_path_buf(),
                        temp: TempPath(temp),
                        writer: BufWriter::new(file),
                        force,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(io_error(e)),
            }
        }
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }

    /// Flushes, syncs and moves the file into place.
    pub fn commit(self) -> Result<(), OutputFileError> {
        let OutputFile {
            target,
            temp,
            writer,
            force,
        } = self;
        let io_error = |source| OutputFileError::Io {
            path: target.clone(),
            source,
        };
        let file = writer.into_inner().map_err(|e| io_error(e.into_error()))?;
        file.sync_all().map_err(io_error)?;
        if force {
            fs::rename(&temp.0, &target).map_err(io_error)?;
            return Ok(());
        }
        // A link fails if the target appeared meanwhile: no overwrite.
        match fs::hard_link(&temp.0, &target) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Err(OutputFileError::Exists(target.clone()))
            }
            // A file system without links: the target was checked above.
            Err(_) if !target.exists() => fs::rename(&temp.0, &target).map_err(io_error),
            Err(e) => Err(io_error(e)),
        }
    }
}
