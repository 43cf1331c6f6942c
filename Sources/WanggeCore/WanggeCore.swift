/// Namespace for the grid domain: places, people, tasks, help cases and metrics.
public enum WanggeCore {}
