/** Thrown when a job's lease was taken over (this runner was too slow or presumed dead): its work is dropped, nothing is written. */
export class LostJob extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} is no longer this runner's.`)
    this.name = 'LostJob'
  }
}
