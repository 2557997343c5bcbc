namespace Hwsim.Nn.Training;

/// <summary>Loss per epoch, and where training stopped.</summary>
public sealed record TrainingHistory(
    IReadOnlyList<double> TrainLoss,
    IReadOnlyList<double> ValidationLoss,
    int BestEpoch,
    bool StoppedEarly)
{
    /// <summary>Epochs actually run.</summary>
    public int EpochsRun => TrainLoss.Count;
}
