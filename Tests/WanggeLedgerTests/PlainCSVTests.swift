import CSV
import Testing

@testable import WanggeLedger

/// The byte splitter gives exactly the rows CSV.swift gives, for plain records and for every record
/// that needs CSV.swift (quotes, quoted line breaks, lone carriage returns, empty lines).
struct PlainCSVTests {
  static func csvSwift(_ text: String) throws -> [[String]] {
    let reader = try CSVReader(string: text)
    var rows: [[String]] = []
    while let cells = reader.next() { rows.append(cells) }
    return rows
  }

  @Test(arguments: [
    "a,b,c\r\n1,2,3\r\n",
    "街道,社区\n河北街道,水映花城社区\n",
    "a,b\r\n\r\n,\r\nc,\n",
    "last,line,without,break",
    "a,,\n,,\n",
    "a,\"b,c\",d\r\ne,f,g\r\n",
    "x,y\r\n\"two\nlines\",z\r\nplain,after\r\n",
    "a\rb,c\r\nd,e\n",
    "q\"uote,in,plain\nnext,row\n",
    "\"\"\"\",esc\n",
    "",
    "\n",
    "a,b\r",
  ])
  func sameRowsAsCSVSwift(_ text: String) throws {
    #expect(try PlainCSV.rows(text) == Self.csvSwift(text))
  }

  @Test func splitsPlainRecordsOnBytes() throws {
    #expect(
      try PlainCSV.rows("张三,13800000000,是\r\n李四,,否\r\n") == [["张三", "13800000000", "是"], ["李四", "", "否"]])
  }
}
