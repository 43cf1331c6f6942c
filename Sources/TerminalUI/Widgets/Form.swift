/// What kind of input a form field takes.
public enum FormFieldKind: Sendable, Hashable {
  /// Free text.
  case text
  /// One of a list of options (←/→ or Space to change).
  case choice([String])
  /// A duration such as 3h, 90m, 1h30m, read and written by the application's grammar.
  case duration(DurationGrammar)
}

/// A value read from a form field.
public enum FormValue: Sendable, Hashable {
  case text(String)
  case choice(index: Int, label: String)
  /// A duration in seconds.
  case duration(seconds: Int)
}

/// One labelled field of a ``Form``.
public struct FormField: Sendable, Hashable {
  public var label: String
  public var kind: FormFieldKind
  public var editor: LineEditor
  public var selectedOption: Int
  public var isRequired: Bool
  /// For a duration: the longest accepted, in seconds (nil: any length above 0).
  public var maxSeconds: Int?

  public init(
    label: String, kind: FormFieldKind, text: String = "", selectedOption: Int = 0, isRequired: Bool = false,
    maxSeconds: Int? = nil
  ) {
    self.maxSeconds = maxSeconds
    self.label = label
    self.kind = kind
    self.editor = LineEditor(text)
    self.selectedOption = selectedOption
    self.isRequired = isRequired
  }

  public static func text(_ label: String, _ value: String = "", required: Bool = false) -> FormField {
    FormField(label: label, kind: .text, text: value, isRequired: required)
  }
  public static func choice(_ label: String, options: [String], selected: Int = 0) -> FormField {
    FormField(label: label, kind: .choice(options), selectedOption: selected)
  }
  /// A duration field read by `grammar`; with `maxSeconds`, longer durations are refused with the bound.
  public static func duration(
    _ label: String, _ value: String = "", grammar: DurationGrammar, required: Bool = true,
    maxSeconds: Int? = nil
  ) -> FormField {
    FormField(
      label: label, kind: .duration(grammar), text: value, isRequired: required, maxSeconds: maxSeconds)
  }

  /// The value, or a problem message in `language`.
  public func value(_ language: Language) -> Result<FormValue, FormProblem> {
    switch kind {
    case .text:
      if isRequired && editor.text.trimmingSpaces.isEmpty {
        return .failure(FormProblem(message: UIText.required(label, language)))
      }
      return .success(.text(editor.text))
    case .choice(let options):
      guard options.indices.contains(selectedOption) else { return .failure(FormProblem(message: label)) }
      return .success(.choice(index: selectedOption, label: options[selectedOption]))
    case .duration(let grammar):
      if editor.text.trimmingSpaces.isEmpty && isRequired {
        return .failure(FormProblem(message: UIText.required(label, language)))
      }
      let bound = maxSeconds ?? .max
      switch grammar.parse(editor.text, language) {
      case .failure(.unreadable(let message)): return .failure(FormProblem(message: "\(label): \(message)"))
      case .failure(.outOfRange):
        let problem = UIText.durationOutOfRange(maxSeconds: bound, format: grammar.format, language)
        return .failure(FormProblem(message: "\(label): \(problem)"))
      case .success(let seconds):
        if let problem = grammar.rangeProblem(seconds, maxSeconds: bound, language) {
          return .failure(FormProblem(message: "\(label): \(problem)"))
        }
        return .success(.duration(seconds: seconds))
      }
    }
  }
}

/// Why a form field's value was refused.
public struct FormProblem: Error, Sendable, Hashable {
  public var message: String
  public init(message: String) { self.message = message }
}

/// What happened to a form after a key.
public enum FormEvent: Sendable, Hashable {
  case submitted([FormValue])
  case cancelled
}

/// A form of labelled fields: Tab/Shift-Tab (or ↓/↑) between fields, Enter submits, Esc cancels.
public struct Form: Sendable {
  public var fields: [FormField]
  public var focus: Int
  /// The last validation problem, shown under the fields.
  public var problem: String?
  public var language: Language

  public init(fields: [FormField], language: Language = .zh) {
    self.fields = fields
    self.focus = 0
    self.language = language
  }

  /// Applies a key; returns an event when the form was submitted or cancelled.
  public mutating func handle(_ key: Key) -> FormEvent? {
    guard !fields.isEmpty else { return key == .escape ? .cancelled : nil }
    switch key {
    case .tab, .down:
      focus = (focus + 1) % fields.count
    case .backTab, .up:
      focus = (focus + fields.count - 1) % fields.count
    case .escape:
      return .cancelled
    case .enter:
      var values: [FormValue] = []
      for (index, field) in fields.enumerated() {
        switch field.value(language) {
        case .success(let value): values.append(value)
        case .failure(let failure):
          problem = failure.message
          focus = index
          return nil
        }
      }
      problem = nil
      return .submitted(values)
    default:
      if case .choice(let options) = fields[focus].kind, !options.isEmpty {
        switch key {
        case .right, .char(" "):
          fields[focus].selectedOption = (fields[focus].selectedOption + 1) % options.count
        case .left:
          fields[focus].selectedOption = (fields[focus].selectedOption + options.count - 1) % options.count
        default: break
        }
      } else {
        fields[focus].editor.handle(key)
      }
    }
    return nil
  }

  /// Draws one row per field (labels aligned by display width) and a problem line; returns the cursor.
  @discardableResult
  public func render(in area: Rect, buffer: inout Buffer) -> (x: Int, y: Int)? {
    guard !area.isEmpty else { return nil }
    let labelWidth = min(area.width / 2, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
    var cursor: (x: Int, y: Int)?
    for (index, field) in fields.enumerated() where index < area.height {
      let y = area.y + index
      let focused = index == focus
      let marker = focused ? "> " : "  "
      buffer.put(marker, x: area.x, y: y, style: Style(.accent, attributes: .bold), limit: 2)
      let label = TextFit.pad(field.label + (field.isRequired ? "*" : ""), toWidth: labelWidth)
      buffer.put(label, x: area.x + 2, y: y, style: Style(focused ? .accent : .text), limit: labelWidth)
      let fieldX = area.x + 2 + labelWidth
      let fieldRect = Rect(x: fieldX, y: y, width: min(area.right - fieldX, 30), height: 1)
      switch field.kind {
      case .choice(let options):
        let option = options.indices.contains(field.selectedOption) ? options[field.selectedOption] : ""
        let text = "< \(option) >"
        buffer.clear(fieldRect, style: .filled(.input))
        buffer.put(text, in: fieldRect, style: .filled(.input))
        let count = " \(field.selectedOption + 1)/\(options.count)"
        buffer.put(
          count, x: fieldRect.right + 1, y: y, style: Style(.muted), limit: area.right - fieldRect.right - 1)
      case .text, .duration:
        let prompt = TextPrompt(label: "", editor: field.editor, isFocused: focused)
        if let position = prompt.render(in: fieldRect, buffer: &buffer), focused { cursor = position }
        if case .duration(let grammar) = field.kind, !field.editor.text.isEmpty {
          let hint: (String, Style) =
            switch grammar.parse(field.editor.text, language) {
            case .success(let seconds): ("= \(grammar.format(seconds))", Style(.muted))
            case .failure: ("✗", StatusKind.overdue.style)
            }
          buffer.put(
            hint.0, x: fieldRect.right + 1, y: y, style: hint.1, limit: area.right - fieldRect.right - 1)
        }
      }
    }
    if let problem, fields.count + 1 < area.height {
      buffer.put("✗ " + problem, in: area.row(fields.count + 1), style: StatusKind.overdue.style)
    }
    return cursor
  }
}

extension String {
  fileprivate var trimmingSpaces: String { filter { !$0.isWhitespace } }
}
