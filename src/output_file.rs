//! `--output FILE`: the result is written whole or not at all (a temporary
//! file beside the target, then a link or rename), readable by the owner
//! only whatever the umask, and an existing file is never replaced unless
//! `--force` is given: the final step fails if the target appeared, rather
//! than checking first and renaming after. A signal removes the temporary
//! file ([`crate::signals`]).

use crate::t;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OutputFileError {
    #[error("{}", t!("output-exists", path = .0.display().to_string()))]
    Exists(PathBuf),
    #[error("{}", t!("output-cannot-write", path = path.display().to_string(), reason = source.to_string()))]
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
        crate::signals::forget_temp_file(&self.0);
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
        let mut attempt = 0u32;
        loop {
            // Short, whatever the target's name: a name near the file
            // system's limit must still get its temporary file.
            let temp =
                target.with_file_name(format!(".lactriage.{}.{attempt}.tmp", std::process::id()));
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            match options.open(&temp) {
                Ok(file) => {
                    crate::signals::register_temp_file(temp.clone());
                    // The mode given at creation is masked by the umask;
                    // set it on the open file itself.
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        if let Err(e) = file.set_permissions(fs::Permissions::from_mode(0o600)) {
                            let _ = fs::remove_file(&temp);
                            crate::signals::forget_temp_file(&temp);
                            return Err(io_error(e));
                        }
                    }
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
            // A file system without links: a rename that refuses to
            // replace, else a copy into a file that must be new.
            Err(_) => match rename_no_replace(&temp.0, &target) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    Err(OutputFileError::Exists(target.clone()))
                }
                Err(_) => copy_to_new(&temp.0, &target).map_err(|e| {
                    if e.kind() == io::ErrorKind::AlreadyExists {
                        OutputFileError::Exists(target.clone())
                    } else {
                        io_error(e)
                    }
                }),
            },
        }
    }
}

#[cfg(target_os = "linux")]
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: two valid NUL-terminated paths, relative to the working
    // folder; renameat2 only reads them.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn rename_no_replace(_from: &Path, _to: &Path) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "no renameat2"))
}

/// The last resort: the target is created new (it fails if it exists), then
/// filled and synced.
fn copy_to_new(from: &Path, to: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(to)?;
    // Until it is whole, the target is as temporary as the temporary file.
    crate::signals::register_temp_file(to.to_path_buf());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Err(e) = out.set_permissions(fs::Permissions::from_mode(0o600)) {
            let _ = fs::remove_file(to);
            crate::signals::forget_temp_file(to);
            return Err(e);
        }
    }
    let written = File::open(from)
        .and_then(|mut source| io::copy(&mut source, &mut out))
        .and_then(|_| out.sync_all());
    if written.is_err() {
        let _ = fs::remove_file(to);
    }
    crate::signals::forget_temp_file(to);
    written
}
