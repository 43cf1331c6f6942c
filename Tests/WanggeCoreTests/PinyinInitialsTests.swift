import Testing
import WanggeCore

/// Pinyin initials from the generated table: place-name characters, ASCII kept, the rest dropped.
struct PinyinInitialsTests {
  @Test(arguments: [
    ("河北街道", "hbjd"), ("水映花城社区", "syhcsq"), ("12号楼", "12hl"), ("长安街道", "cajd"),
    ("民主街道", "mzjd"), ("蛟河市", "jhs"), ("水映花城小区", "syhcxq"), ("3单元", "3dy"), ("单元长", "dyc"),
    ("朝阳区", "cyq"), ("协作路社区", "xzlsq"), ("铁东区", "tdq"), ("居民委", "jmw"),
  ])
  func placeNames(_ name: String, _ initials: String) {
    #expect(PinyinInitials.initials(of: name) == initials)
  }

  @Test func everyCommonPlaceCharacterHasTheExpectedLetter() {
    let expected: [Character: Character] = [
      "街": "j", "道": "d", "社": "s", "区": "q", "小": "x", "楼": "l", "单": "d", "元": "y", "长": "c",
      "安": "a", "民": "m", "主": "z", "河": "h", "北": "b", "蛟": "j", "市": "s",
    ]
    for (ideograph, letter) in expected {
      #expect(PinyinInitials.initials(of: String(ideograph)) == String(letter), "\(ideograph)")
    }
  }

  @Test func asciiIsLowercasedAndEverythingElseDropped() {
    #expect(PinyinInitials.initials(of: "A栋-B座 (East)") == "adbzeast")
    #expect(PinyinInitials.initials(of: "１２号楼") == "12hl")
    #expect(PinyinInitials.initials(of: "、。！😀 ") == "")
    #expect(PinyinInitials.initials(of: "") == "")
  }

  @Test func theTableCoversTheWholeBlock() {
    // First and last ideographs of U+4E00…U+9FFF that have a reading.
    #expect(PinyinInitials.initials(of: "\u{4E00}") == "y")  // 一
    #expect(PinyinInitials.initials(of: "\u{9FA5}") == "y")  // 龥 yù
  }
}
