package dev.fray.sdk.cache.rows;

/**
 * One row of a cache table that the rebuild fills. The fold produces these; the cache writer inserts them. Field
 * names follow fray's column names (reference §6) in Java case; nullable columns are boxed types or nullable
 * strings. JSON-valued columns ({@code mentions}, {@code reactions}, {@code invoke}, …) carry the JSON text exactly as
 * it is to be stored.
 */
public sealed interface CacheRow permits AgentRow, AgentDescriptorRow, MessageRow, QuestionRow, ThreadRow,
        ThreadSubscriptionRow, ThreadMessageRow, MessagePinRow, ThreadPinRow, ThreadMuteRow, GhostCursorRow,
        ReactionRow, FaveRow, RoleAssignmentRow, SessionRoleRow, ConfigRow {
}
