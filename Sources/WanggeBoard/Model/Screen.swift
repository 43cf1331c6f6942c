/// Everything one view shows at one place, loaded from the store in one go.
public struct Screen: Sendable {
  /// The table the cursor moves in.
  public var primary: TableModel
  /// Further panels (the station's help households; department and squad rankings).
  public var secondary: [TableModel]
  /// The hourly response rate for the selected row of the overview (row key → values).
  public var history: [String: [Double?]]
  /// The overview's headline figures (empty elsewhere).
  public var strip: [StripFigure]
  /// `‼ 绿色通道 2 · 最久 47 分` while a green channel under the place is untaken (the header shows it).
  public var greenAlert: String? = nil
  /// Who is on post now at this place by the duty roster (the header's 值班), if anyone.
  public var onDuty: String? = nil
  public init(
    primary: TableModel, secondary: [TableModel] = [], history: [String: [Double?]] = [:],
    strip: [StripFigure] = []
  ) {
    self.primary = primary
    self.secondary = secondary
    self.history = history
    self.strip = strip
  }
}
