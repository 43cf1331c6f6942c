import CLibPQ
import Foundation

extension PGConnection {
  /// Brings a dropped connection back (PQreset) and listens again on its channels. Tries
  /// `attempts` times, pausing `firstPause`, then twice as long each time (at most 5 s). A live
  /// connection is left as it is. Throws ``PGError`` (kind `.connect`) naming host and port.
  public func reconnect(attempts: Int = 6, firstPause: Duration = .milliseconds(100)) throws {
    if isConnected, (try? exec("SELECT 1")) != nil { return }
    var pause = firstPause
    for attempt in 1...max(1, attempts) {
      PQreset(handle)
      if PQstatus(handle) == CONNECTION_OK {
        wangge_pq_silence_notices(handle)
        let again = channels
        channels = []
        for c in again { try listen(c) }
        return
      }
      if attempt < attempts {
        Thread.sleep(
          forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
        pause = min(pause * 2, .seconds(5))
      }
    }
    throw PGError(kind: .connect, endpoint: endpoint, message: lastMessage + " (after \(attempts) attempts)")
  }
}
