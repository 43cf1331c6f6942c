import Testing
import WanggeCore

@testable import WanggeLedger

/// Every cell value is bounded and validated where it enters, with a problem and a fix when refused.
struct ValueTests {
  @Test func headerVariantsMeetTheirColumn() {
    #expect(LedgerColumn.named("户主（户）") == .headName)
    #expect(LedgerColumn.named(" 户主 (户) ") == .headName)
    #expect(LedgerColumn.named("手机号") == .phone)
    #expect(LedgerColumn.named("联系电话") == .phone)
    #expect(LedgerColumn.named("Ｐｈｏｎｅ") == .phone)
    #expect(LedgerColumn.named("独居\u{3000}老人") == .elderlyAlone)
    #expect(LedgerColumn.named("残疾/慢病") == .disabledOrChronic)
    #expect(LedgerColumn.named("Head_Name") == .headName)
    #expect(LedgerColumn.named("*电话(必填)") == .phone)
    #expect(LedgerColumn.named("备注") == nil)
    let levels = LevelHeaders(levels: .jiaohe)
    #expect(levels.depth(of: "街道") == 1)
    #expect(levels.depth(of: "居委会") == 3)
    #expect(levels.depth(of: "楼号") == 5)
    #expect(levels.depth(of: "Building") == 5)
    #expect(levels.depth(of: "市") == nil)
  }

  @Test func phonesAreMobilesOrLandlines() throws {
    #expect(try PhoneValue.parse("13812345678").get() == "13812345678")
    #expect(try PhoneValue.parse("138 1234 5678").get() == "13812345678")
    #expect(try PhoneValue.parse("+86 138-1234-5678").get() == "13812345678")
    #expect(try PhoneValue.parse("0432-6420 1234").get() == "0432-64201234")
    #expect(try PhoneValue.parse("010-12345678").get() == "010-12345678")
    #expect(try PhoneValue.parse("6420123").get() == "6420123")
    for bad in ["", "1381234567", "12812345678", "138123456789", "138abc45678", "43264201234"] {
      #expect(throws: CellProblem.self, "\(bad)") { try PhoneValue.parse(bad).get() }
    }
    if case .failure(let p) = PhoneValue.parse("43264201234") { #expect(p.problem.contains("leading 0")) }
  }

  @Test func flagsReadTheWaysStationsWriteThem() throws {
    for yes in ["是", "√", "✓", "1", "Y", "y", "yes", "TRUE", "有", " 是 "] {
      #expect(try CellValues.flag(yes).get(), "\(yes)")
    }
    for no in ["否", "", "×", "0", "N", "no", "FALSE", "无"] {
      #expect(try !CellValues.flag(no).get(), "\(no)")
    }
    #expect(throws: CellProblem.self) { try CellValues.flag("可能").get() }
  }

  @Test func cadencesAreSpansFromAnHourToThirtyDays() throws {
    #expect(try CellValues.cadence("2天").get() == .days(2))
    #expect(try CellValues.cadence("48h").get() == .hours(48))
    #expect(try CellValues.cadence("每12小时").get() == .hours(12))
    #expect(try CellValues.cadence("2d").get() == .days(2))
    #expect(try CellValues.cadence("90分钟").get() == .minutes(90))
    for bad in ["", "30m", "31天", "sometimes", "0"] {
      #expect(throws: CellProblem.self, "\(bad)") { try CellValues.cadence(bad).get() }
    }
  }

  @Test func peopleCountsAreBounded() throws {
    #expect(try CellValues.people("3").get() == 3)
    #expect(try CellValues.people("3人").get() == 3)
    #expect(try CellValues.people("0").get() == 0)
    #expect(try CellValues.people("50").get() == 50)
    for bad in ["", "51", "-1", "三", "2.5", "99999999999999999999"] {
      #expect(throws: CellProblem.self, "\(bad)") { try CellValues.people(bad).get() }
    }
  }

  @Test func namesAreBoundedAndPrintable() {
    #expect(throws: CellProblem.self) { try CellValues.name("").get() }
    #expect(throws: CellProblem.self) { try CellValues.name(String(repeating: "张", count: 65)).get() }
    #expect(throws: CellProblem.self) { try CellValues.name("张\u{1B}[31m").get() }
    #expect(throws: CellProblem.self) { try CellValues.name("张\u{FFFD}").get() }
    #expect((try? CellValues.name(" 张三 ").get()) == "张三")
  }

  @Test func datesAndExcelSerials() throws {
    let t = try #require(try CellValues.instant("2022-04-10 09:30").get())
    #expect(InstantFormat.iso(t) == "2022-04-10T09:30:00+08:00")
    #expect(try CellValues.instant("2022/4/1").get() == InstantFormat.parse("2022-04-01T00:00:00+08:00"))
    #expect(try CellValues.instant("").get() == nil)
    #expect(throws: CellProblem.self) { try CellValues.instant("2022-02-30").get() }
    #expect(ExcelSerial.text(44661.395833333336, date1904: false) == "2022-04-10 09:30:00")
    #expect(ExcelSerial.text(44652, date1904: false) == "2022-04-01 00:00:00")
    #expect(SheetParser.numberText("1.3812345678E10") == "13812345678")
    #expect(SheetParser.numberText("3.5") == "3.5")
    #expect(SheetParser.columnIndex("C7") == 2)
    #expect(SheetParser.columnIndex("AA10") == 26)
    #expect(XLSXPackage.isDateFormat("yyyy\"年\"m\"月\"d\"日\""))
    #expect(!XLSXPackage.isDateFormat("0.00"))
    #expect(!XLSXPackage.isDateFormat("\"m\"0"))
  }
}

/// A column's position is its place in `allCases` (the validator indexes cells by it).
@Test func columnPositionsFollowAllCases() {
  #expect(LedgerColumn.allCases.map(\.position) == Array(LedgerColumn.allCases.indices))
  #expect(FastText.sameBytes(["河北街道", "1号楼"], ["河北街道", "1号楼"]))
  #expect(!FastText.sameBytes(["河北街道", "1号楼"], ["河北街道", "2号楼"]))
  #expect(!FastText.sameBytes(["é"], ["e\u{301}"]))
}
