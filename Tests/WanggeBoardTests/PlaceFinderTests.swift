import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// The one place matcher (`PlaceFinder`) that `--path`, `--scope` and `:goto` share, on the Jiaohe store.
struct PlaceFinderTests {
  let store = BoardFixture.store
  var finder: PlaceFinder { PlaceFinder(store: store) }

  func path(_ lookup: PlaceLookup) throws -> String? {
    guard case .found(let place) = lookup else { return nil }
    return try store.path(of: place.id).description
  }

  @Test func aFullPathIsFound() throws {
    #expect(try path(finder.find(BoardFixture.unit)) == BoardFixture.unit)
  }

  @Test func aUniqueNameAnywhereIsFound() throws {
    #expect(try path(finder.find("水映花城小区")) == BoardFixture.compound)
  }

  @Test func aNameThenAPathBelowItIsFound() throws {
    #expect(try path(finder.find("水映花城小区/12号楼/3单元")) == BoardFixture.unit)
  }

  @Test func aFragmentIsReadFromWhereOneStands() throws {
    let here = try store.resolve(PlacePath(parsing: BoardFixture.compound))
    #expect(try path(finder.find("12号楼", from: here)) == BoardFixture.compound + "/12号楼")
    #expect(try path(finder.find("12号楼/3单元", from: here)) == BoardFixture.unit)
  }

  @Test func pinyinInitialsAreFound() throws {
    #expect(try path(finder.find("hbjd")) == "河北街道")
  }

  @Test func anAmbiguousFragmentListsItsCandidatesWithPaths() throws {
    let lookup = try finder.find("水映")
    guard case .ambiguous(let list) = lookup else {
      Issue.record("expected candidates, got \(lookup)")
      return
    }
    #expect(list.count >= 2 && list.count <= PlaceFinder.candidateLimit)
    #expect(lookup.candidatePaths.contains("河北街道/水映花城社区"))
  }

  @Test func nothingFoundIsNotFound() throws {
    guard case .notFound = try finder.find("没有这个地方") else {
      Issue.record("expected not found")
      return
    }
  }

  @Test func gotoAFragmentInsideTheCompoundFindsTheBuilding() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound)
    _ = try board.run(command: "goto 12号楼", tick: 0)
    #expect(board.place.name == "12号楼")
    #expect(board.trail.count == 6)
  }

  @Test func gotoAnAmbiguousNameSaysWhichPlacesItCouldBe() throws {
    let board = try BoardFixture.board()
    _ = try board.run(command: "goto 水映", tick: 0)
    #expect(board.place.parentID == nil)
    let screen = BoardFixture.render(board, width: 160, height: 30, tick: 0.1).text
    #expect(screen.contains("“水映”有多处"))
  }
}
