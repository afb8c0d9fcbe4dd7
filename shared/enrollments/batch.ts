/** A course's cohort of participants (DIKSHA course batch); participants are enrollments naming it. */
export interface Batch {
  batch_id: string;
  course_id: string;
  enterprise_customer_uuid: string;
  name: string;
  enrollment_type: 'open' | 'invite_only';
  /** Learners enrolled or completed in this batch; moved in the same transactions as their enrollments. */
  participant_count: number;
  created_by: string;
  created: string;
  modified: string;
}
