//! A private record of earlier checks, so that the next check can compare:
//! an SQLite file in the platform's data folder (or `--history FILE`, or
//! `LACTRIAGE_HISTORY`), owner-only, kept only when the person agreed.
//!
//! Checks are grouped in *episodes*: one problem, checked once or more.
//! Each check is stored in one transaction with its time, the rules' name,
//! version and digest, every answer, and the result. The engine never reads
//! the store: the store supplies answers (the hours since the problem
//! started) and earlier checks to compare with ([`follow_up`]).
//!
//! ```
//! use lactriage::history::{NewCheck, Store};
//!
//! let dir = std::env::temp_dir().join(format!("lactriage-doc-{}", std::process::id()));
//! let store = Store::open(&dir.join("history.sqlite3")).unwrap();
//! let check = NewCheck {
//!     client: "",
//!     episode: None,
//!     time: chrono::Local::now().fixed_offset(),
//!     rules: ("mastitis-spectrum", "2.3.0", "1101d0ca"),
//!     answers: serde_json::json!({"sepsis_signs": "no", "temperature": 38.6}),
//!     urgency: "today",
//!     condition: "bacterial_mastitis_likely",
//! };
//! let saved = store.save(&check).unwrap();
//! assert_eq!(store.episodes("").unwrap()[0].checks[0].id, saved.check);
//! # std::fs::remove_dir_all(&dir).ok();
//! ```

pub mod follow_up;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension};

use crate::t;

/// What went wrong with the history file; a triage goes on without it.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{}", t!("history-error-open", path = path.display().to_string(), reason = source.to_string()))]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}", t!("history-error-folder", path = path.display().to_string(), reason = source.to_string()))]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", t!("history-error-damaged", path = path.display().to_string(), reason = source.to_string()))]
    Damaged {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}", t!("history-error-newer", path = path.display().to_string(), found = *found, known = *known))]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}", t!("history-error-sql", path = path.display().to_string(), reason = source.to_string()))]
    Sql {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}", t!("history-error-no-episode", episode = *.0))]
    NoEpisode(i64),
    #[error("{}", t!("history-error-not-ours", path = path.display().to_string()))]
    NotOurs { path: PathBuf },
    #[error("{}", t!("history-error-in-use", path = path.display().to_string()))]
    InUse { path: PathBuf },
    #[error("{}", t!("history-error-no-folder"))]
    NoFolder,
}

/// Marks a lactriage history (`PRAGMA application_id`): "LACT".
const APPLICATION_ID: i64 = 0x4c41_4354;

/// The schema this build writes. Each migration takes a file from the
/// version before it; a file from a newer build is refused, not changed.
const SCHEMA: i64 = 1;

const MIGRATIONS: &[&str] = &[
    // 1: episodes and their checks.
    "CREATE TABLE episodes (
        id INTEGER PRIMARY KEY,
        client TEXT NOT NULL,
        started TEXT NOT NULL
    );
    CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        episode INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
        time TEXT NOT NULL,
        time_unix INTEGER NOT NULL,
        rules_name TEXT NOT NULL,
        rules_version TEXT NOT NULL,
        rules_digest TEXT NOT NULL,
        answers TEXT NOT NULL,
        urgency TEXT NOT NULL,
        condition TEXT NOT NULL
    );
    CREATE INDEX checks_by_episode ON checks(episode, time_unix);
    CREATE INDEX episodes_by_client ON episodes(client, id);",
];

/// The default place: `history.sqlite3` in the platform's data folder
/// (`~/.local/share/lactriage` on Linux), unless `LACTRIAGE_HISTORY` names
/// a file.
pub fn default_path() -> Result<PathBuf, HistoryError> {
    if let Some(path) = std::env::var_os("LACTRIAGE_HISTORY").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "lactriage")
        .map(|dirs| dirs.data_dir().join("history.sqlite3"))
        .ok_or(HistoryError::NoFolder)
}

/// An open history file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A check to record.
pub struct NewCheck<'a> {
    /// The consultant's client id; empty for a parent's own record.
    pub client: &'a str,
    /// The episode it continues, or `None` for a new problem.
    pub episode: Option<i64>,
    pub time: DateTime<FixedOffset>,
    /// Name, version and digest of the rules that gave the result.
    pub rules: (&'a str, &'a str, &'a str),
    /// Every answer, as the JSON result writes them.
    pub answers: serde_json::Value,
    pub urgency: &'a str,
    pub condition: &'a str,
}

/// Where a check was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub episode: i64,
    pub check: i64,
}

/// One check read back.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Check {
    pub id: i64,
    pub time: DateTime<FixedOffset>,
    pub rules_name: String,
    pub rules_version: String,
    pub rules_digest: String,
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub urgency: String,
    pub condition: String,
}

/// One check as a table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub episode: i64,
    pub client: String,
    pub check: i64,
    /// ISO 8601, as kept.
    pub time: String,
    pub urgency: String,
    pub condition: String,
    pub rules_version: String,
    pub rules_digest: String,
    /// The temperature as the JSON result wrote it (a number in °C, or a
    /// reading with its unit), or null.
    pub temperature: serde_json::Value,
    pub lump: Option<String>,
    pub redness: Option<String>,
    pub recent_fever: Option<String>,
}

/// One episode and its checks, oldest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Episode {
    pub id: i64,
    pub client: String,
    pub checks: Vec<Check>,
}

impl Store {
    /// Opens (or creates) the history at `path`: the folder owner-only
    /// (0700) and the file 0600 on Unix, the schema brought up to date, WAL
    /// journaling and a busy timeout so that two runs at once both write.
    pub fn open(path: &Path) -> Result<Store, HistoryError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(|source| HistoryError::Folder {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        if !path.exists() {
            // Created owner-only before SQLite opens it: never readable by
            // others, even for a moment. (SQLite gives its -wal and -shm
            // files the database's permissions.)
            create_private_file(path).map_err(|source| HistoryError::Folder {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| HistoryError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.prepare()?;
        Ok(store)
    }

    /// Opens the history only if it exists: reading never creates one.
    pub fn open_existing(path: &Path) -> Result<Option<Store>, HistoryError> {
        if path.exists() {
            Store::open(path).map(Some)
        } else {
            Ok(None)
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> HistoryError + '_ {
        |source| HistoryError::Sql {
            path: self.path.clone(),
            source,
        }
    }

    fn prepare(&self) -> Result<(), HistoryError> {
        self.conn
            .busy_timeout(Duration::from_secs(5))
            .map_err(self.sql())?;
        // Whose file is it? Read before anything is changed in it: the
        // header is also the first thing that fails on a file that is not
        // a database.
        let (version, application, tables): (i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version),
                        (SELECT application_id FROM pragma_application_id),
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| self.classify(e))?;
        let ours = application == APPLICATION_ID || (application == 0 && tables == 0);
        if !ours {
            return Err(HistoryError::NotOurs {
                path: self.path.clone(),
            });
        }
        if version > SCHEMA {
            return Err(HistoryError::Newer {
                path: self.path.clone(),
                found: version,
                known: SCHEMA,
            });
        }
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| self.classify(e))?;
        self.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(self.sql())?;
        // Deleted checks are overwritten, not only unlinked.
        self.conn
            .pragma_update(None, "secure_delete", true)
            .map_err(self.sql())?;
        // Each step under the write lock, the version read again inside
        // it: two runs opening a new file at once migrate it once.
        if version < SCHEMA {
            loop {
                let tx = rusqlite::Transaction::new_unchecked(
                    &self.conn,
                    rusqlite::TransactionBehavior::Immediate,
                )
                .map_err(self.sql())?;
                let now: i64 = tx
                    .pragma_query_value(None, "user_version", |row| row.get(0))
                    .map_err(|e| self.classify(e))?;
                let Some(migration) = MIGRATIONS.get(now.max(0) as usize) else {
                    break;
                };
                tx.execute_batch(migration).map_err(|e| self.classify(e))?;
                tx.pragma_update(None, "application_id", APPLICATION_ID)
                    .map_err(self.sql())?;
                tx.pragma_update(None, "user_version", now.max(0) + 1)
                    .map_err(self.sql())?;
                tx.commit().map_err(self.sql())?;
            }
        }
        Ok(())
    }

    /// A damaged or foreign file is said to be so; anything else (busy,
    /// read-only, full) is reported as it is: a good history must never be
    /// called damaged.
    fn classify(&self, source: rusqlite::Error) -> HistoryError {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        match source.sqlite_error_code() {
            Some(NotADatabase | DatabaseCorrupt) => HistoryError::Damaged {
                path: self.path.clone(),
                source,
            },
            _ => HistoryError::Sql {
                path: self.path.clone(),
                source,
            },
        }
    }

    /// Records a check, in one transaction: in `check.episode`, or in a new
    /// episode started now.
    pub fn save(&self, check: &NewCheck) -> Result<Saved, HistoryError> {
        // The write lock from the start: a deferred transaction that reads
        // and then writes fails at once if another run wrote in between.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )
        .map_err(self.sql())?;
        let episode = match check.episode {
            Some(id) => {
                let known: Option<i64> = tx
                    .query_row("SELECT id FROM episodes WHERE id = ?1", [id], |r| r.get(0))
                    .optional()
                    .map_err(self.sql())?;
                known.ok_or(HistoryError::NoEpisode(id))?
            }
            None => {
                tx.execute(
                    "INSERT INTO episodes (client, started) VALUES (?1, ?2)",
                    params![check.client, stamp(&check.time)],
                )
                .map_err(self.sql())?;
                tx.last_insert_rowid()
            }
        };
        tx.execute(
            "INSERT INTO checks (episode, time, time_unix, rules_name, rules_version, rules_digest, answers, urgency, condition)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                episode,
                stamp(&check.time),
                check.time.timestamp(),
                check.rules.0,
                check.rules.1,
                check.rules.2,
                check.answers.to_string(),
                check.urgency,
                check.condition,
            ],
        )
        .map_err(self.sql())?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(self.sql())?;
        Ok(Saved { episode, check: id })
    }

    /// The episodes of `client`, oldest first, each with its checks.
    pub fn episodes(&self, client: &str) -> Result<Vec<Episode>, HistoryError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.id, e.client, c.id, c.time, c.rules_name, c.rules_version, c.rules_digest, c.answers, c.urgency, c.condition
                 FROM episodes e JOIN checks c ON c.episode = e.id
                 WHERE e.client = ?1 ORDER BY e.id, c.time_unix, c.id",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([client], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                ))
            })
            .map_err(self.sql())?;
        let mut episodes: Vec<Episode> = Vec::new();
        for row in rows {
            let (episode, client, id, time, name, version, digest, answers, urgency, condition) =
                row.map_err(self.sql())?;
            let time = DateTime::parse_from_rfc3339(&time).map_err(|e| HistoryError::Sql {
                path: self.path.clone(),
                source: rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
            })?;
            let answers = match serde_json::from_str(&answers) {
                Ok(serde_json::Value::Object(map)) => map,
                _ => serde_json::Map::new(),
            };
            let check = Check {
                id,
                time,
                rules_name: name,
                rules_version: version,
                rules_digest: digest,
                answers,
                urgency,
                condition,
            };
            match episodes.last_mut() {
                Some(last) if last.id == episode => last.checks.push(check),
                _ => episodes.push(Episode {
                    id: episode,
                    client,
                    checks: vec![check],
                }),
            }
        }
        Ok(episodes)
    }

    /// One line per check of `client`, oldest episode first, with the few
    /// answers a table shows (read without building the rest): a table of
    /// ten thousand checks must come at once.
    pub fn rows(&self, client: &str) -> Result<Vec<Row>, HistoryError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.id, e.client, c.id, c.time, c.urgency, c.condition, c.rules_version, c.rules_digest, c.answers
                 FROM episodes e JOIN checks c ON c.episode = e.id
                 WHERE e.client = ?1 ORDER BY e.id, c.time_unix, c.id",
            )
            .map_err(self.sql())?;
        /// The four answers a table shows; the others are skipped unread.
        #[derive(serde::Deserialize, Default)]
        struct Shown {
            temperature: Option<serde_json::Value>,
            lump: Option<String>,
            redness: Option<String>,
            recent_fever: Option<String>,
        }
        let rows = stmt
            .query_map([client], |r| {
                let answers = r.get_ref(8)?.as_str().unwrap_or("{}");
                let shown: Shown = serde_json::from_str(answers).unwrap_or_default();
                Ok(Row {
                    episode: r.get(0)?,
                    client: r.get(1)?,
                    check: r.get(2)?,
                    time: r.get(3)?,
                    urgency: r.get(4)?,
                    condition: r.get(5)?,
                    rules_version: r.get(6)?,
                    rules_digest: r.get(7)?,
                    temperature: shown.temperature.unwrap_or_default(),
                    lump: shown.lump,
                    redness: shown.redness,
                    recent_fever: shown.recent_fever,
                })
            })
            .map_err(self.sql())?;
        rows.collect::<Result<Vec<Row>, _>>().map_err(self.sql())
    }

    /// The episode of `client` checked most recently, if any.
    pub fn latest_episode(&self, client: &str) -> Result<Option<Episode>, HistoryError> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT e.id FROM episodes e JOIN checks c ON c.episode = e.id
                 WHERE e.client = ?1 ORDER BY c.time_unix DESC, c.id DESC LIMIT 1",
                [client],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        let Some(id) = id else {
            return Ok(None);
        };
        Ok(self.episodes(client)?.into_iter().find(|e| e.id == id))
    }

    /// Deletes one episode of `client` (its checks with it), for good:
    /// deleted pages are overwritten and the file rewritten.
    pub fn forget(&self, episode: i64, client: &str) -> Result<(), HistoryError> {
        let deleted = self
            .conn
            .execute(
                "DELETE FROM episodes WHERE id = ?1 AND client = ?2",
                params![episode, client],
            )
            .map_err(self.sql())?;
        if deleted == 0 {
            return Err(HistoryError::NoEpisode(episode));
        }
        self.erase_free_space()
    }

    /// Deletes every episode of `client`, or of every client.
    pub fn forget_all(&self, client: Option<&str>) -> Result<(), HistoryError> {
        match client {
            Some(client) => self
                .conn
                .execute("DELETE FROM episodes WHERE client = ?1", [client])
                .map(drop),
            None => self
                .conn
                .execute_batch("DELETE FROM checks; DELETE FROM episodes;"),
        }
        .map_err(self.sql())?;
        self.erase_free_space()
    }

    /// Rewrites the file without the deleted checks, and empties the
    /// write-ahead log; fails (rather than say "deleted for good") while
    /// another run holds the history open.
    fn erase_free_space(&self) -> Result<(), HistoryError> {
        self.conn.execute_batch("VACUUM;").map_err(self.sql())?;
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .map_err(self.sql())?;
        if busy != 0 {
            return Err(HistoryError::InUse {
                path: self.path.clone(),
            });
        }
        Ok(())
    }
}

/// A time as kept: ISO 8601 to the second, with its offset.
fn stamp(time: &DateTime<FixedOffset>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        // Another run created it first: it made it the same way.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other.map(drop),
    }
}

/// Where the answer to "keep a record?" is remembered: a small file in the
/// platform's configuration folder (`~/.config/lactriage` on Linux). It
/// holds that answer and nothing else, so a "no" stores no check.
pub fn preference_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "lactriage")
        .map(|dirs| dirs.config_dir().join("preferences.toml"))
}

/// The remembered answer, if the person gave one.
pub fn remembered_choice() -> Option<bool> {
    let text = std::fs::read_to_string(preference_path()?).ok()?;
    let value: toml::Table = toml::from_str(&text).ok()?;
    value.get("keep_history")?.as_bool()
}

/// Remembers the person's answer.
pub fn remember_choice(keep: bool) -> std::io::Result<PathBuf> {
    let path =
        preference_path().ok_or_else(|| std::io::Error::other(t!("history-no-config-folder")))?;
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    std::fs::write(
        &path,
        format!("# Written by lactriage: whether to keep a private record of checks.\nkeep_history = {keep}\n"),
    )?;
    Ok(path)
}
