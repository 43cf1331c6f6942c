/// A small, fast, deterministic random generator (SplitMix64): the same seed gives the same demo.
public struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in 0..<n (n > 0).
  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// Uniform in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

  public mutating func chance(_ p: Double) -> Bool { unit() < p }

  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Chooses exactly `k` of `n` items in one pass (Knuth's selection sampling), for streaming generation.
public struct ExactSampler {
  private(set) var remainingToChoose: Int
  private(set) var remainingSeen: Int

  public init(choose k: Int, of n: Int) {
    precondition(k >= 0 && k <= n)
    remainingToChoose = k
    remainingSeen = n
  }

  /// Whether the next item is chosen.
  public mutating func next(_ rng: inout SeededRandom) -> Bool {
    guard remainingSeen > 0 else { return false }
    let chosen = rng.below(remainingSeen) < remainingToChoose
    remainingSeen -= 1
    if chosen { remainingToChoose -= 1 }
    return chosen
  }
}

/// Splits a total into parts that sum exactly to it, uneven like real places are.
public enum CountSplitter {
  /// `parts` positive counts summing to `total`, each around total/parts within ±`spread`.
  public static func split(_ total: Int, into parts: Int, spread: Double, rng: inout SeededRandom) -> [Int] {
    precondition(parts > 0 && total >= parts, "cannot split \(total) into \(parts) non-empty parts")
    let weights = (0..<parts).map { _ in 1 - spread + 2 * spread * rng.unit() }
    let sum = weights.reduce(0, +)
    let spare = total - parts  // every part gets 1, the rest is shared by weight
    var out = [Int](repeating: 1, count: parts)
    var given = 0
    var remainders: [(Double, Int)] = []
    for i in 0..<parts {
      let exact = Double(spare) * weights[i] / sum
      let whole = Int(exact)
      out[i] += whole
      given += whole
      remainders.append((exact - Double(whole), i))
    }
    remainders.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    for j in 0..<(spare - given) { out[remainders[j].1] += 1 }
    return out
  }

  /// Raises part `index` to at least `minimum` by taking one from the largest other parts.
  public static func ensure(_ parts: inout [Int], index: Int, minimum: Int) {
    while parts[index] < minimum {
      guard
        let donor = parts.indices.filter({ $0 != index && parts[$0] > 1 }).max(by: { parts[$0] < parts[$1] })
      else { return }
      parts[donor] -= 1
      parts[index] += 1
    }
  }
}
