import { Migration } from '@mikro-orm/migrations';

export class Migration20261123172125 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`licenses_webhook_delivery\` add column \`attempt_history\` json not null default '[]';`);
  }

}
