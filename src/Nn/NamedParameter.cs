namespace Hwsim.Nn;

/// <summary>A parameter with its full state_dict key (<c>LAYERNAME.key</c>).</summary>
public sealed record NamedParameter(string Key, Parameter Parameter);
