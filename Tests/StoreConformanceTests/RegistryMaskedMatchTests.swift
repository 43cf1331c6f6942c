import Testing
import WanggeCore

@testable import WanggeStore

/// An operator reads help households masked: re-importing the same file must count them unchanged,
/// and a real change must still count.
@Suite struct RegistryMaskedMatchTests {
  let file = StoredHousehold(
    id: 1, room: "101", headName: "张三丰", phone: "13812345678", people: 3, reach: .notReached, flags: [])

  var shown: StoredHousehold {
    var s = file
    s.headName = "张**"
    s.phone = "138****5678"
    return s
  }

  @Test func maskedHouseholdMatchesItsFile() {
    #expect(RegistryMaskedMatch.matches(shown: shown, file: file))
    var phoneOnly = file
    phoneOnly.phone = "138****5678"
    #expect(RegistryMaskedMatch.matches(shown: phoneOnly, file: file))
  }

  @Test func aRealChangeStillCounts() {
    var moved = file
    moved.people = 4
    #expect(!RegistryMaskedMatch.matches(shown: shown, file: moved))
    var otherPhone = file
    otherPhone.phone = "13912345678"
    #expect(!RegistryMaskedMatch.matches(shown: shown, file: otherPhone))
    var otherName = file
    otherName.headName = "李三丰"
    #expect(!RegistryMaskedMatch.matches(shown: shown, file: otherName))
  }

  @Test func anUnmaskedStoreIsComparedAsIs() {
    var changed = file
    changed.headName = "张三"
    #expect(!RegistryMaskedMatch.matches(shown: file, file: changed))
  }
}
