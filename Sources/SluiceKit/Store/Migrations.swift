/// The store's schema as a list of migrations, versioned with `PRAGMA user_version`.
///
/// Each migration runs in one transaction together with the version bump, so a database is
/// never half-migrated: a crash or an error leaves it at the previous version, and the next
/// open applies the migration again. A new database (version 0) gets every migration in one
/// transaction: it is created whole or not at all, with one sync instead of one per migration. A database written by a newer Sluice (a version this
/// build does not know) is refused rather than guessed at.
enum Migrations {
    /// One schema step: the SQL that takes version `version - 1` to `version`.
    struct Migration: Sendable {
        let version: Int
        let sql: String
    }

    /// Every migration, in order; append new ones, never edit a released one.
    static let all: [Migration] = [
        Migration(version: 1, sql: Schema.version1), Migration(version: 2, sql: Schema.version2),
    ]

    /// The version this build writes.
    static var latest: Int { all.last?.version ?? 0 }

    /// Brings the database up to the last of `migrations`, one transaction per migration.
    static func migrate(_ database: Database, migrations: [Migration] = all) throws(StoreError) {
        let current = try database.userVersion
        let latest = migrations.last?.version ?? 0
        guard current <= latest else {
            throw StoreError(
                path: database.path,
                message:
                    "the store has schema version \(current), newer than this sluice knows (\(latest)); "
                    + "run it with the sluice version that wrote it, or a newer one")
        }
        let pending = migrations.filter { $0.version > current }
        let steps = current == 0 ? [pending] : pending.map { [$0] }
        for step in steps where !step.isEmpty {
            var applying = step[0].version
            do {
                try database.transaction { () throws(StoreError) in
                    for migration in step {
                        applying = migration.version
                        try database.execute(migration.sql)
                        try database.execute("PRAGMA user_version = \(migration.version)")
                    }
                }
            } catch {
                throw StoreError(
                    path: error.path, message: "cannot migrate the store to version \(applying): \(error.message)")
            }
        }
    }
}
