/// Plausible Chinese names for demo people and places. Demo data only: no real person is named.
public enum ChineseNames {
  public static let surnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
  ).map(String.init)
  public static let given = Array(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂玉华建国志红文斌海云飞鹏宇浩婷雪梅琳晨阳光辉波宁凤春燕俊峰佳欣悦子涵浩然嘉怡梓萱思远立新永庆德福淑珍桂芝秀兰玉梅丽华晓东"
  ).map(String.init)
  public static let placeWords = [
    "协作", "水映", "花城", "长青", "福安", "新华", "建设", "和平", "光明", "胜利", "团结", "东风", "红旗", "友谊",
    "幸福", "康宁", "丰泽", "锦绣", "金桥", "银河", "翠湖", "松江", "拉法", "天岗", "新站", "白石", "黄松", "前进",
    "民富", "兴隆", "育才", "站前", "南岗", "北山", "西园", "东升", "滨河", "江南", "怡景", "盛世", "阳光", "紫荆",
    "桃源", "兰亭", "书香", "名都", "龙湾", "凤凰", "碧水", "青山", "朝阳", "向阳", "振兴", "繁荣", "富民", "安居",
    "文化", "体育", "工农", "铁路", "电力", "粮库", "林业", "水利", "长安", "民主", "河北", "铁东", "瓜州", "建设路",
    "春华", "秋实", "嘉禾", "瑞丰", "泰和", "永安", "吉祥", "如意", "祥和", "恒大", "万科", "绿地", "华府", "御景",
  ]
  public static let compoundSuffixes = ["小区", "花园", "家园", "新村", "嘉园", "苑"]
  public static let departments = [
    "教育局", "公安局", "财政局", "人社局", "住建局", "交通局", "水利局", "农业农村局", "商务局", "文旅局", "卫健局",
    "应急管理局", "市场监管局", "统计局", "医保局", "林业局", "自然资源局", "生态环境局", "民政局", "司法局", "审计局",
    "税务局", "城管局", "信访局", "退役军人事务局", "发改局", "工信局", "科技局", "民宗局", "档案馆", "气象局",
    "供电公司", "邮政分公司", "移动公司", "联通公司", "电信公司", "烟草局", "人民法院", "人民检察院", "人大办", "政协办",
    "纪委监委", "组织部", "宣传部", "统战部", "政法委", "团市委", "妇联", "总工会", "残联", "科协", "工商联", "红十字会",
    "公积金中心", "融媒体中心", "党校", "机关事务局", "政务服务中心", "农商银行", "建设银行", "农业银行", "工商银行",
    "中国银行", "人寿保险", "自来水公司", "供热公司", "燃气公司", "环卫处", "园林处", "疾控中心", "人民医院", "中医院",
    "妇幼保健院", "职业中专", "第一中学", "第二中学", "实验小学", "粮食局", "国资委", "住房保障中心", "不动产登记中心",
  ]
  public static let needs = ["买药", "买菜", "缴水电费", "送医复诊", "代购生活用品", "心理疏导", "上门核酸", "取快递"]

  public static let surnameBytes = surnames.map { Array($0.utf8) }
  public static let givenBytes = given.map { Array($0.utf8) }

  /// Writes a person's name as UTF-8 into `buffer` (replacing its contents), without allocating a String.
  public static func person(into buffer: inout [UInt8], _ rng: inout SeededRandom) {
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: surnameBytes[rng.below(surnameBytes.count)])
    buffer.append(contentsOf: givenBytes[rng.below(givenBytes.count)])
    if !rng.chance(0.3) { buffer.append(contentsOf: givenBytes[rng.below(givenBytes.count)]) }
  }

  /// Writes the decimal digits of `n` (n ≥ 0) into `buffer` (replacing its contents).
  public static func digits(_ n: Int, into buffer: inout [UInt8]) {
    buffer.removeAll(keepingCapacity: true)
    var v = n
    repeat {
      buffer.append(UInt8(48 + v % 10))
      v /= 10
    } while v > 0
    buffer.reverse()
  }

  public static func person(_ rng: inout SeededRandom) -> String {
    let s = rng.pick(surnames)
    return rng.chance(0.3) ? s + rng.pick(given) : s + rng.pick(given) + rng.pick(given)
  }

  /// A name made of one or two place words plus `suffix`, unique within `taken` (which it updates).
  public static func place(_ rng: inout SeededRandom, suffix: String, taken: inout Set<String>) -> String {
    for attempt in 0..<50 {
      let word = attempt < 20 ? rng.pick(placeWords) : rng.pick(placeWords) + rng.pick(placeWords)
      let name = word + suffix
      if taken.insert(name).inserted { return name }
    }
    var n = taken.count + 1
    while !taken.insert("第\(n)\(suffix)").inserted { n += 1 }
    return "第\(n)\(suffix)"
  }

  /// Department `i` of `count`: the list above, then prefixed repeats for larger presets.
  public static func department(_ i: Int) -> String {
    let base = departments[i % departments.count]
    let round = i / departments.count
    return round == 0 ? base : "第\(round + 1)分局\(base)"
  }

  /// The first demo phone less one: demo numbers are `140` followed by a counter (14000000001…), shaped
  /// like a mobile so a demo export re-imports, in a block carriers do not issue to personal 11-digit
  /// lines (140 is kept for data-only SIMs), so no real person is called.
  public static let phoneBase = 14_000_000_000

  /// The `n`th demo phone (deterministic; fictional, see ``phoneBase``).
  public static func phone(_ n: Int) -> String { String(phoneBase + n) }
}
