namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The schema, one step a release. <c>PRAGMA user_version</c> records how many steps a file has;
/// a later release appends a step and never edits an old one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        """
        CREATE TABLE users (
            id            TEXT PRIMARY KEY,
            email         TEXT NOT NULL UNIQUE,
            name          TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            subscription  TEXT NOT NULL,
            avatar_url    TEXT NOT NULL,
            is_active     INTEGER NOT NULL,
            is_admin      INTEGER NOT NULL,
            created_at    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL
        );
        CREATE INDEX users_by_created ON users (created_at, id);

        -- phones is the embedded array as JSON; phone, name_lc, email_lc and phone_digits are
        -- derived from the document on every write so that sorting and searching use plain columns.
        CREATE TABLE contacts (
            id           TEXT PRIMARY KEY,
            owner        TEXT NOT NULL,
            name         TEXT NOT NULL COLLATE NOCASE,
            email        TEXT NOT NULL COLLATE NOCASE,
            phone        TEXT NOT NULL,
            phones       TEXT NOT NULL,
            favorite     INTEGER NOT NULL,
            created_at   INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL,
            name_lc      TEXT NOT NULL,
            email_lc     TEXT NOT NULL,
            phone_digits TEXT NOT NULL
        );
        -- One index a sort key, each ending in id: a page in any order is an index walk within
        -- one owner's rows, never a sort of them or a scan of other users' rows.
        CREATE INDEX contacts_by_name       ON contacts (owner, name, id);
        CREATE INDEX contacts_by_email      ON contacts (owner, email, id);
        CREATE INDEX contacts_by_phone      ON contacts (owner, phone, id);
        CREATE INDEX contacts_by_favorite   ON contacts (owner, favorite, id);
        CREATE INDEX contacts_by_created_at ON contacts (owner, created_at, id);
        CREATE INDEX contacts_by_updated_at ON contacts (owner, updated_at, id);

        CREATE TABLE sessions (
            id         TEXT PRIMARY KEY,
            user_id    TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_by_user ON sessions (user_id);
        """,
        // Account lockout after failed logins (lockout_end in unix ms, null when not locked).
        """
        ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE users ADD COLUMN lockout_end INTEGER;
        """,
        """
        -- Each owner's number of contacts, so an unfiltered page's total is one row's read instead of a
        -- count of the owner's index entries (linear in them: the slow part of a page at 100,000).
        -- Triggers keep it in the same transaction as every insert, delete and change of owner.
        CREATE TABLE contact_counts (
            owner TEXT PRIMARY KEY,
            n     INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO contact_counts (owner, n) SELECT owner, count(*) FROM contacts GROUP BY owner;
        CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts BEGIN
            INSERT INTO contact_counts (owner, n) VALUES (NEW.owner, 1) ON CONFLICT (owner) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts BEGIN
            UPDATE contact_counts SET n = n - 1 WHERE owner = OLD.owner;
        END;
        CREATE TRIGGER contacts_count_owner AFTER UPDATE OF owner ON contacts WHEN NEW.owner <> OLD.owner BEGIN
            UPDATE contact_counts SET n = n - 1 WHERE owner = OLD.owner;
            INSERT INTO contact_counts (owner, n) VALUES (NEW.owner, 1) ON CONFLICT (owner) DO UPDATE SET n = n + 1;
        END;

        -- A filtered total must look at every contact of the owner; this index holds all the filtered
        -- columns, so the count reads index entries only, never the table rows (ten times fewer pages).
        CREATE INDEX contacts_search ON contacts (owner, name_lc, email_lc, phone_digits, favorite);
        -- A name search in the default order walks the name index: carrying the lower-cased name there,
        -- it reads table rows only for the matches on the page (a fifth of the time at 8% matches).
        DROP INDEX contacts_by_name;
        CREATE INDEX contacts_by_name ON contacts (owner, name, id, name_lc);
        """,
        """
        -- The whole card (issue 14). emails and addresses are embedded arrays as JSON, as phones are; email
        -- stays the first address, '' for a contact from a card without one (and phone '' without a number).
        -- uid is the card's UID; kept its other properties as a JSON array of content lines; photo the
        -- photo's tag, its bytes in contact_photos, apart, so that no list or search reads them.
        ALTER TABLE contacts ADD COLUMN emails TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE contacts ADD COLUMN organization TEXT;
        ALTER TABLE contacts ADD COLUMN title TEXT;
        ALTER TABLE contacts ADD COLUMN birthday TEXT;
        ALTER TABLE contacts ADD COLUMN notes TEXT;
        ALTER TABLE contacts ADD COLUMN addresses TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE contacts ADD COLUMN uid TEXT;
        ALTER TABLE contacts ADD COLUMN kept TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE contacts ADD COLUMN photo TEXT;
        -- A contact stored before keeps emails '[]': its one email is listed as the first entry, with the
        -- contact's own id and the label other, as the MongoDB store lists an older document's (Contact.ListedEmails).
        -- An import finds a card's contact by its UID.
        CREATE INDEX contacts_by_uid ON contacts (owner, uid) WHERE uid IS NOT NULL;

        CREATE TABLE contact_photos (
            contact_id TEXT PRIMARY KEY,
            owner      TEXT NOT NULL,
            media_type TEXT,
            data       BLOB NOT NULL
        );
        CREATE INDEX contact_photos_by_owner ON contact_photos (owner);
        """,
        // History: trash, versions and the change log (issue 15). A step of its own, so it can be renumbered
        // among other branches' steps without being split.
        """
        -- The change log: a row for every write of a contact, in the write's transaction (SqliteContactLog).
        -- seq only grows (AUTOINCREMENT never reuses one): the sync feed's position. was/state: 0 nowhere,
        -- 1 in the list, 2 in the trash, before and after the change. previous: the version the change
        -- replaced, as JSON, while it was in the list (null for a create, and once older than the retention).
        CREATE TABLE contact_history (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            owner      TEXT NOT NULL,
            contact_id TEXT NOT NULL,
            at         INTEGER NOT NULL,
            version    INTEGER NOT NULL,
            was        INTEGER NOT NULL,
            state      INTEGER NOT NULL,
            previous   TEXT
        );
        CREATE INDEX contact_history_by_owner   ON contact_history (owner, seq);
        CREATE INDEX contact_history_by_contact ON contact_history (owner, contact_id, seq);
        -- Every contact stored before has its creation logged, at its creation time, so a first sync finds it and
        -- an undo to a moment after it leaves it in the list (what it was before its last change is not known).
        INSERT INTO contact_history (owner, contact_id, at, version, was, state, previous)
            SELECT owner, id, created_at, 1, 0, 1, NULL FROM contacts ORDER BY created_at, id;

        -- Deleted contacts, whole, until restored or purged; their photos stay in contact_photos meanwhile.
        CREATE TABLE contacts_trash (
            id         TEXT PRIMARY KEY,
            owner      TEXT NOT NULL,
            deleted_at INTEGER NOT NULL,
            contact    TEXT NOT NULL
        );
        CREATE INDEX contacts_trash_by_owner ON contacts_trash (owner, deleted_at, id);
        """,
    ];
}
