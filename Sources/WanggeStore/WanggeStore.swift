/// Namespace for storage: the `Store` protocol and its SQLite implementation.
public enum WanggeStore {}
