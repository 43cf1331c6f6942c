import Testing

@testable import wangge

/// `--help` and the common errors in Chinese when `--lang zh` or the locale says so, English otherwise.
@Suite struct ChineseCommandLineTests {
  @Test func theLanguageComesFromLangThenTheLocale() {
    #expect(ChineseCommandLine.isChinese(arguments: ["--lang", "zh"], environment: ["LANG": "en_US.UTF-8"]))
    #expect(!ChineseCommandLine.isChinese(arguments: ["--lang=en"], environment: ["LANG": "zh_CN.UTF-8"]))
    #expect(ChineseCommandLine.isChinese(arguments: ["report"], environment: ["LANG": "zh_CN.UTF-8"]))
    #expect(
      !ChineseCommandLine.isChinese(arguments: [], environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]))
    #expect(ChineseCommandLine.isChinese(arguments: [], environment: ["LC_ALL": "", "LC_MESSAGES": "zh_TW"]))
    #expect(!ChineseCommandLine.isChinese(arguments: [], environment: [:]))
  }

  @Test func everyCommonCommandsHelpIsChinese() throws {
    let cases: [([String], String)] = [
      (["--help"], "社区网格防疫指挥看板"), (["board", "--help"], "实时指挥看板"), (["report", "-h"], "某地各下级的数字"),
      (["dispatch", "--help"], "向某地下所有单元下发任务"), (["import", "--help"], "导入台账"),
      (["demo", "--help"], "生成演示数据"),
    ]
    for (arguments, phrase) in cases {
      let help = try #require(ChineseCommandLine.help(arguments: arguments))
      #expect(help.contains(phrase), "\(arguments)")
      #expect(help.contains("概述：") && help.contains("用法：") && help.contains("显示帮助。"), "\(help)")
      #expect(!help.contains("OVERVIEW") && !help.contains("Show help information"), "\(help)")
    }
    let board = try #require(ChineseCommandLine.help(arguments: ["board", "--help"]))
    for english in ["Store file.", "Place to open", "Act as at this instant", "Run the board's clock"] {
      #expect(!board.contains(english), "untranslated: \(english)")
    }
    #expect(ChineseCommandLine.help(arguments: ["report", "--", "--help"]) == nil)
    #expect(ChineseCommandLine.help(arguments: ["report"]) == nil)
  }

  @Test func theCommonErrorsReadInChinese() {
    let unknown = ChineseCommandLine.translate(
      #"--scope: unknown place "不存在"; "蛟河市" has no "不存在"; it has 长安街道, 民主街道"#)
    #expect(unknown == "--scope: 没有地点“不存在”：“蛟河市”下没有“不存在”；它下面有 长安街道, 民主街道")
    let missing = ChineseCommandLine.translate(
      "/tmp/x.sqlite: no store here; create one with `wangge demo --preset jiaohe --db /tmp/x.sqlite`")
    #expect(missing.hasPrefix("/tmp/x.sqlite：这里没有存储；用 `wangge demo"))
    let bad = ChineseCommandLine.translate(
      "Error: The value 'nope' is invalid for '--view <view>'. Please provide one of the following:")
    #expect(bad == "错误：“nope”不是 --view <view> 的有效值：请从以下选一个：")
  }
}
