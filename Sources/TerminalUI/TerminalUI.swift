/// Namespace for the terminal layer: cells, buffers, widgets, themes and backends.
public enum TerminalUI {}
