namespace Tripmate.SocialGraph.Store.Sqlite;

/// <summary>
/// Adjacency tables keyed by small integers (a user's or group's row number), both directions
/// indexed, so a hop is an index range scan and joins compare integers rather than 36-character
/// ids. Public ids live once, in <c>users</c> and <c>groups</c>.
/// </summary>
internal static class SqliteGraphSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS users (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            deleted INTEGER NOT NULL DEFAULT 0);

        -- follows(a, b): a follows b. The primary key serves "whom a follows", the index "who follows b".
        CREATE TABLE IF NOT EXISTS follows (
            follower INTEGER NOT NULL,
            followee INTEGER NOT NULL,
            since INTEGER NOT NULL,
            PRIMARY KEY (follower, followee)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS follows_by_followee ON follows (followee, follower, since);
        CREATE INDEX IF NOT EXISTS follows_by_follower_since ON follows (follower, since);
        CREATE INDEX IF NOT EXISTS follows_by_followee_since ON follows (followee, since);

        CREATE TABLE IF NOT EXISTS blocks (
            blocker INTEGER NOT NULL,
            blocked INTEGER NOT NULL,
            since INTEGER NOT NULL,
            PRIMARY KEY (blocker, blocked)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS blocks_by_blocked ON blocks (blocked, blocker);

        CREATE TABLE IF NOT EXISTS groups (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            deleted INTEGER NOT NULL DEFAULT 0);

        -- One row per (group, user) ever seen, with the version of the last change applied: a
        -- removal stays as a tombstone (is_member = 0) so a late add of an older version is refused.
        CREATE TABLE IF NOT EXISTS memberships (
            group_seq INTEGER NOT NULL,
            user_seq INTEGER NOT NULL,
            version INTEGER NOT NULL,
            is_member INTEGER NOT NULL,
            PRIMARY KEY (group_seq, user_seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships (user_seq, group_seq) WHERE is_member = 1;
        """;
}
