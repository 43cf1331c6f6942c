import Foundation
import Testing

@testable import WanggeLedger

/// The fast GB18030 decoder gives exactly what Foundation gives, and refuses what Foundation refuses.
struct GB18030DecoderTests {
  let gb = String.Encoding(rawValue: 0x8000_0632)

  @Test func everyTwoByteCodeDecodesAsFoundationDecodesIt() {
    var mismatches: [String] = []
    for lead in UInt8(0x81)...0xFE {
      for trail in UInt8(0x40)...0xFE where trail != 0x7F {
        let bytes = Data([0x41, lead, trail, 0x0A])
        let mine = GB18030Decoder.decode(bytes)
        let theirs = String(data: bytes, encoding: gb)
        if mine != theirs { mismatches.append(String(format: "%02X%02X", lead, trail)) }
      }
    }
    #expect(mismatches == [])
  }

  @Test func mixedTextFourByteCodesAndBadBytes() throws {
    let text = "街道,社区\u{9FA5},𠀀(U+20000),€,abc\r\n张三,13800000000\n"
    let bytes = try #require(text.data(using: gb))
    #expect(GB18030Decoder.decode(bytes) == text)
    #expect(GB18030Decoder.decode(Data([0xD6, 0xD0, 0xCE, 0xC4])) == "中文")
    for bad in [Data([0xD6]), Data([0x41, 0xFF]), Data([0x81, 0x30])] {
      #expect(GB18030Decoder.decode(bad) == String(data: bad, encoding: gb), "\(Array(bad))")
    }
  }
}
