namespace Hwsim.Bridge.Reports;

/// <summary>
/// One figure of the report: its kind (the last part of the file name <c>DEMO.LEVEL.KIND.png</c>), a title and a
/// caption for the page, its path relative to the output folder, and the PNG bytes (embedded in report.html).
/// </summary>
public sealed record ReportFigure(string Kind, string Title, string Caption, string RelativePath, byte[] Png);
