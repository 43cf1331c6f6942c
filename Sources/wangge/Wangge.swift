import ArgumentParser

/// The `wangge` command: a terminal command board for community grid epidemic response.
@main
struct Wangge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wangge",
    abstract: "网格 Wangge — community grid epidemic-response command board.",
    subcommands: [
      BoardCommand.self, SnapshotCommand.self, DemoCommand.self, ReportCommand.self, IngestCommand.self,
      VerifyCommand.self, SimulateCommand.self, DispatchCommand.self, AckCommand.self, DoneCommand.self,
      TasksCommand.self, RemindCommand.self, RankingsCommand.self, GalleryCommand.self,
      MigrateCommand.self, InitCommand.self, ImportCommand.self, ExportCommand.self, TemplateCommand.self,
      OperatorCommand.self, RevealCommand.self, AuditCommand.self, CopyCommand.self,
      LeaderCommand.self, HouseholdCommand.self, HelpCaseCommand.self, CensusCommand.self,
      IsolationCommand.self, ArrivalCommand.self,
      BaselineCommand.self, DecisionCommand.self, BriefCommand.self, BulletinCommand.self, DutyCommand.self,
      OrderCommand.self, GreenCommand.self, VolunteerCommand.self, VisitCommand.self,
      IncidentCommand.self, SpotCheckCommand.self, SuperviseCommand.self, ScoreCommand.self,
    ],
    defaultSubcommand: BoardCommand.self
  )
}
