import Testing
import WanggeCore

/// Phone masking never reveals more than a short part of a number and never changes its length.
struct PhoneMaskTests {
  @Test func aSevenDigitLandlineShowsOnlyItsLastTwoDigits() {
    #expect(PhoneMask.mask("8456123") == "*****23")
  }

  @Test func elevenDigitMobilesKeepTheUsualForm() {
    #expect(PhoneMask.mask("13812345678") == "138****5678")
    #expect(PhoneMask.mask("138 1234 5678") == "138 **** 5678")
  }

  @Test func landlinesWithAnAreaCodeHideTheMiddle() {
    #expect(PhoneMask.mask("0432-84561234") == "043*-****1234")
    #expect(PhoneMask.mask("84561234") == "******34")
  }

  @Test func shortNumbersAndOtherTextAreMaskedWhole() {
    #expect(PhoneMask.mask("123456") == "******")
    #expect(PhoneMask.mask("") == "")
    #expect(PhoneMask.mask("call 王芳") == "**** **")
    #expect(PhoneMask.mask("\u{1B}]0;x\u{07}12") == "********")
  }

  @Test(arguments: [
    "1", "12345", "8456123", "84561234", "845612345", "8456123456", "13812345678", "+8613812345678",
    "0432-8456-1234", "１２３４５６７８", "138123456789012345",
  ])
  func neverLongerAndAtMostSevenDigitsShownAndAlwaysSomeHidden(phone: String) {
    let masked = PhoneMask.mask(phone)
    #expect(masked.count == phone.count)
    let shown = masked.filter { $0.isASCII && $0.isNumber }.count
    let digits = phone.filter { $0.isASCII && $0.isNumber }.count
    #expect(shown <= 7)
    #expect(shown <= digits / 2 + 2)
    if digits > 0 { #expect(shown < digits) }
  }

  @Test(arguments: [
    "8456123", "84561234", "13812345678", "138 1234 5678", "0432-84561234", "123456", "call 王芳",
  ])
  func maskingAMaskedPhoneChangesNothing(phone: String) {
    let once = PhoneMask.mask(phone)
    #expect(PhoneMask.mask(once) == once)
  }
}
