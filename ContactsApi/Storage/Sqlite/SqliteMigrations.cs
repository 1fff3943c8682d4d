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
        """
        -- Names and emails sort by an ICU collation (Contacts:Collation) and are searched through a trigram
        -- index. name_key and email_key are ICU's sort keys, which order byte by byte as BLOBs compare;
        -- name_lc and email_lc now hold the folded text (SearchText.Fold) and name_grams the folded name's
        -- trigrams. The service computes them (SqliteTextColumns): for the rows written before this step, and
        -- again whenever the collation or ICU's version of it changes, at the next start (store_settings).
        ALTER TABLE contacts ADD COLUMN name_key BLOB NOT NULL DEFAULT x'';
        ALTER TABLE contacts ADD COLUMN email_key BLOB NOT NULL DEFAULT x'';
        ALTER TABLE contacts ADD COLUMN name_grams TEXT;
        ALTER TABLE contacts ADD COLUMN search_id INTEGER;
        DROP INDEX contacts_by_name;
        CREATE INDEX contacts_by_name ON contacts (owner, name_key, id, name_lc);
        DROP INDEX contacts_by_email;
        CREATE INDEX contacts_by_email ON contacts (owner, email_key, id, email_lc);
        CREATE TABLE store_settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- A contact's search_id is its owner's number times 2^32 plus a number of its own, so each owner's
        -- contacts are one range of the search index's rowids, and a search reads only its owner's entries.
        CREATE TABLE search_owners (
            no    INTEGER PRIMARY KEY,
            owner TEXT NOT NULL UNIQUE,
            last  INTEGER NOT NULL CHECK (last < 4294967296)
        );
        INSERT INTO search_owners (owner, last) SELECT owner, count(*) FROM contacts GROUP BY owner ORDER BY owner;
        UPDATE contacts SET search_id = numbered.search_id FROM (
            SELECT c.rowid AS r, (s.no << 32) + row_number() OVER (PARTITION BY c.owner ORDER BY c.id) AS search_id
            FROM contacts c JOIN search_owners s ON s.owner = c.owner
        ) AS numbered WHERE contacts.rowid = numbered.r;
        CREATE UNIQUE INDEX contacts_by_search_id ON contacts (search_id);

        -- Folded names and emails in FTS5's trigram index: a substring of three characters or more is a
        -- phrase of trigrams. Contentless: the text is in contacts already. Triggers note each contact whose
        -- text changes in contacts_fts_pending, and the writer brings those into the index once per group
        -- commit (SqliteSearchIndex), in the same transaction. They keep each owner's count of names holding
        -- each trigram themselves.
        CREATE VIRTUAL TABLE contacts_fts USING fts5(
            name, email, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
        INSERT INTO contacts_fts (rowid, name, email) SELECT search_id, name_lc, email_lc FROM contacts;
        -- indexed: whether contacts_fts holds the contact's text from before the group.
        CREATE TABLE contacts_fts_pending (
            search_id INTEGER PRIMARY KEY,
            indexed   INTEGER NOT NULL
        );
        CREATE TABLE name_trigrams (
            owner_no INTEGER NOT NULL,
            trigram  TEXT NOT NULL,
            n        INTEGER NOT NULL,
            PRIMARY KEY (owner_no, trigram)
        ) WITHOUT ROWID;
        -- Each owner's distinct names (sort key and folded text) with their number of contacts: a name search
        -- in name order walks these, so a name many contacts share is stepped over once, not once a contact.
        CREATE TABLE name_groups (
            owner_no INTEGER NOT NULL,
            name_key BLOB NOT NULL,
            name_lc  TEXT NOT NULL,
            n        INTEGER NOT NULL,
            PRIMARY KEY (owner_no, name_key, name_lc)
        ) WITHOUT ROWID;
        CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
            INSERT OR IGNORE INTO contacts_fts_pending (search_id, indexed) VALUES (NEW.search_id, 0);
            INSERT INTO name_trigrams (owner_no, trigram, n) SELECT NEW.search_id >> 32, value, 1 FROM json_each(NEW.name_grams)
                WHERE true ON CONFLICT DO UPDATE SET n = n + 1;
            INSERT INTO name_groups (owner_no, name_key, name_lc, n) VALUES (NEW.search_id >> 32, NEW.name_key, NEW.name_lc, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
            INSERT OR IGNORE INTO contacts_fts_pending (search_id, indexed) VALUES (OLD.search_id, 1);
            UPDATE name_trigrams SET n = n - 1
            WHERE owner_no = OLD.search_id >> 32 AND trigram IN (SELECT value FROM json_each(OLD.name_grams));
            UPDATE name_groups SET n = n - 1 WHERE owner_no = OLD.search_id >> 32 AND name_key = OLD.name_key AND name_lc = OLD.name_lc;
            DELETE FROM name_groups WHERE owner_no = OLD.search_id >> 32 AND name_key = OLD.name_key AND name_lc = OLD.name_lc AND n = 0;
        END;
        CREATE TRIGGER contacts_name_groups AFTER UPDATE OF name_key, name_lc ON contacts BEGIN
            UPDATE name_groups SET n = n - 1 WHERE owner_no = OLD.search_id >> 32 AND name_key = OLD.name_key AND name_lc = OLD.name_lc;
            DELETE FROM name_groups WHERE owner_no = OLD.search_id >> 32 AND name_key = OLD.name_key AND name_lc = OLD.name_lc AND n = 0;
            INSERT INTO name_groups (owner_no, name_key, name_lc, n) VALUES (NEW.search_id >> 32, NEW.name_key, NEW.name_lc, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER contacts_search_text AFTER UPDATE OF name_lc, email_lc ON contacts BEGIN
            INSERT OR IGNORE INTO contacts_fts_pending (search_id, indexed) VALUES (OLD.search_id, 1);
        END;
        CREATE TRIGGER contacts_search_trigrams AFTER UPDATE OF name_grams ON contacts BEGIN
            UPDATE name_trigrams SET n = n - 1
            WHERE owner_no = OLD.search_id >> 32 AND trigram IN (SELECT value FROM json_each(OLD.name_grams));
            INSERT INTO name_trigrams (owner_no, trigram, n) SELECT NEW.search_id >> 32, value, 1 FROM json_each(NEW.name_grams)
                WHERE true ON CONFLICT DO UPDATE SET n = n + 1;
        END;
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
        """
        -- App passwords (CardDAV sign-in), each a hash of the password as the account password is.
        CREATE TABLE app_passwords (
            id         TEXT PRIMARY KEY,
            user_id    TEXT NOT NULL,
            name       TEXT NOT NULL,
            hash       TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX app_passwords_by_user ON app_passwords (user_id, created_at, id);
        """,
        StoredETags,
    ];

    /// <summary>
    /// Each contact's entity tag kept beside it (issue 16), so an address book's listing reads tags instead of
    /// hashing every contact. SQL can't compute one: the service gives the rows stored before theirs in the same
    /// migration (<see cref="SqliteETagFill"/>), and every write after it writes the tag with the contact.
    /// </summary>
    internal const string StoredETags = "ALTER TABLE contacts ADD COLUMN etag TEXT;";
}
