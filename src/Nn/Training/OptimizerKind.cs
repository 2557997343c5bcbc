namespace Hwsim.Nn.Training;

/// <summary>The optimisers a demo can be trained with.</summary>
public enum OptimizerKind
{
    /// <summary>Plain SGD.</summary>
    Sgd,

    /// <summary>SGD with momentum 0.9.</summary>
    Momentum,

    /// <summary>SGD with Nesterov momentum 0.9.</summary>
    Nesterov,

    /// <summary>RMSProp.</summary>
    RmsProp,

    /// <summary>Adam.</summary>
    Adam,
}
