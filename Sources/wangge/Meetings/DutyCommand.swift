import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge duty add|roster|checkin|now`: a station's duty roster (值班), sign-ins, and who is on post.
struct DutyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "duty", abstract: "A station's duty roster, sign-ins (签到) and who is on post now.",
    subcommands: [Add.self, Roster.self, Checkin.self, Now.self])

  static func minutes(_ text: String) -> Int? {
    let p = text.split(separator: ":")
    guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0..<24).contains(h), (0..<60).contains(m)
    else {
      return nil
    }
    return h * 60 + m
  }

  /// `duty add --scope P --role 第一书记 --person 张三 [--phone] --start 08:00 --hours 12 [--rotation 2/1]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a post with its person and shift.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Station (place path).") var scope: String
    @Option(help: "Post: 指挥长, 第一书记, 第二书记, 小区副指挥长, 楼长, 卡口, 静态管理, 检测消杀, 民生保障, 综合服务…")
    var role: String
    @Option(help: "Who holds it.") var person: String
    @Option(help: "Their phone (kept, shown masked).") var phone: String = ""
    @Option(help: "Shift start, e.g. 08:00 (China time).") var start: String
    @Option(help: "Shift length in hours.") var hours: Int = 12
    @Option(help: "Rest rotation 轮休 N/M: N days on, M days off (from --at's day).") var rotation: String =
      "1/0"
    @OptionGroup var clock: ClockOption

    func run() throws {
      guard let m = DutyCommand.minutes(start) else { fail("--start \"\(start)\": a time of day like 08:00") }
      let r = rotation.split(separator: "/").compactMap { Int($0) }
      guard r.count == 2 else { fail("--rotation \"\(rotation)\": N/M days on/off, e.g. 2/1") }
      let s = try store.openForWriting()
      do {
        let place = try resolvePlace(scope, in: s, option: "--scope")
        let day = (clock.clock.now().epochSeconds + Int64(InstantFormat.displayOffsetSeconds)) / 86_400
        let p = try s.addDutyPost(
          DutyPost(
            placeID: place.id, role: role, person: person, phone: phone, startMinute: m,
            lengthMinutes: min(1440, max(0, hours) * 60), onDays: r[0], offDays: r[1], anchorDay: day))
        print("post #\(p.id) \(p.role): \(p.person) \(start) +\(hours)h rotation \(rotation)")
      } catch let e as MeetingInputError { fail(e.description) } catch { failOnUserError(error) }
    }
  }

  /// `duty roster --scope P`.
  struct Roster: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a station's posts.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Station (place path).") var scope: String

    func run() throws {
      let s = try store.openForReading()
      do {
        let place = try resolvePlace(scope, in: s, option: "--scope")
        for p in try s.dutyRoster(of: place.id) {
          let start = String(format: "%02d:%02d", p.startMinute / 60, p.startMinute % 60)
          print(
            "#\(p.id)\t\(p.role)\t\(p.person)\t\(PhoneMask.mask(p.phone))\t\(start) +\(p.lengthMinutes / 60)h\t轮休 \(p.onDays)/\(p.offDays)"
          )
        }
      } catch { failOnUserError(error) }
    }
  }

  /// `duty checkin --post ID [--out] [--id EVENT] [--at]`.
  struct Checkin: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sign in (签到) or out of a post, as an event.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The post's number (duty roster shows it).") var post: Int64
    @Flag(help: "Sign out instead.") var out = false
    @Option(help: "Event id (default: duty-POST-TIME; sending it again changes nothing).") var id: String?
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForWriting()
      let now = clock.clock.now()
      do {
        let event = id ?? "duty-\(post)-\(out ? "out" : "in")-\(now.epochSeconds)"
        let new = try s.signDuty(post: post, at: now, eventID: event, signingOut: out)
        print(
          "\(out ? "signed out" : "signed in") post #\(post) at \(InstantFormat.short(now))\(new ? "" : " (already recorded)")"
        )
      } catch let e as MeetingInputError { fail(e.description) }
    }
  }

  /// `duty now --scope P [--at]`: who holds each post now, signed in or not; 空岗 counted.
  struct Now: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Who is on post now; empty posts (空岗) counted.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Station (place path).") var scope: String
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForReading()
      do {
        let place = try resolvePlace(scope, in: s, option: "--scope")
        let now = try s.dutyNow(of: place.id, at: clock.clock.now())
        let words: [DutyState: String] = [.offShift: "轮休/不在班", .onPost: "在岗", .awaited: "待签到", .empty: "空岗"]
        for (p, st) in now { print("\(p.role)\t\(p.person)\t\(words[st]!)") }
        print("空岗 \(now.filter { $0.state == .empty }.count)")
      } catch { failOnUserError(error) }
    }
  }
}
